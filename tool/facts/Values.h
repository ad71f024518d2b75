// Symbolic values of expressions: constants, parameters, container sizes.
//
// Used for loop trip counts and call arguments; the program model later
// replaces parameters by the constants passed at call sites.
#pragma once

#include "facts/Facts.h"

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class CXXRecordDecl;
class Stmt;
class ValueDecl;
} // namespace clang

namespace concur {

/// Whether Clang's constant evaluator may be asked about `expr`: not in a
/// template's pattern where it depends on the parameters (the evaluator
/// assumes it never is), and free of parse errors.
bool evaluable(const clang::Expr *expr);

/// The value of an integer expression as a constant, a multiple of one of
/// `fn`'s parameters, or unknown. Follows local variables initialised once
/// and `v.size()` of containers constructed with a count.
SymbolicValue symbolicValue(const clang::Expr *expr, const clang::FunctionDecl *fn,
                            clang::ASTContext &ctx);

/// The value of a call argument: an integer's symbolic value, or for a
/// container (or an iterator into one) its element count.
SymbolicValue argumentValue(const clang::Expr *expr, const clang::FunctionDecl *fn,
                            clang::ASTContext &ctx);

/// A standard-library class with a size(): a container, a string, an
/// array, whose element count is the size of the data it holds.
bool isSizedStdClass(const clang::CXXRecordDecl *record);

/// A class that holds elements and counts them: a standard one, or a
/// project's own (a small vector, a ring buffer) with a size() and
/// iteration or indexing, declared in it or a base. Its element count is
/// what is stored into it, as for a standard container.
bool isContainerClass(const clang::CXXRecordDecl *record);

/// The element count a body gives the container `target` (a local variable
/// or a data member): `resize(n)`, `reserve(n)`, `assign(n, x)`, an
/// assignment, elements appended in loops. Unknown when nothing there says.
/// `perCall`: the body only appends, so each call adds `size` more.
struct Fill {
  SymbolicValue size;
  bool perCall = false;
};
Fill filledSize(const clang::ValueDecl *target, const clang::FunctionDecl *fn, clang::ASTContext &ctx);

/// The container a loop condition tests for having elements
/// (`!x.empty()`, `x.size() > 0`), or null.
const clang::Expr *testedForElements(const clang::Expr *cond);

/// For a loop whose trip count is not certain: the size its condition
/// follows (`i < n`, `pos < text_.size()`, `!queue.empty()`), or unknown.
SymbolicValue loopScale(const clang::Stmt *loop, const clang::FunctionDecl *fn, clang::ASTContext &ctx);

/// A for, while, do or range-for statement.
bool isLoopStmt(const clang::Stmt *s);

/// The condition of a for, while or do loop; null for a range-for.
const clang::Expr *conditionOf(const clang::Stmt *loop);

/// Whether a loop walks a linked structure: its condition tests a pointer
/// the loop sets from a member (`while (p) { ...; p = p->next; }`).
bool walksLinks(const clang::Stmt *loop);

/// Whether a loop's condition (or a range-for's range) reads a parameter
/// of `fn`: the caller's data, even through a member (`o->count`).
bool readsParameter(const clang::Stmt *loop, const clang::FunctionDecl *fn);

/// Iterations of a loop statement per entry, when its shape says.
SymbolicValue tripCount(const clang::Stmt *loop, const clang::FunctionDecl *fn,
                        clang::ASTContext &ctx);

/// Nanoseconds of a constant std::chrono::duration expression, or -1.
double constantDurationNs(const clang::Expr *expr, clang::ASTContext &ctx);

} // namespace concur
