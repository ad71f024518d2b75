// What a call's arguments name and hand over, for the facts builder: the
// objects an awaitable is given by reference (lock handover), what an
// argument passes on through std::move and copies (ready results), which
// parameter an expression names, and paths of kernel-served files.
#pragma once

#include <llvm/ADT/ArrayRef.h>

#include <string>
#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace concur {

/// What an awaited expression is given by non-const lvalue reference (in
/// its calls, constructions and aggregates): a guard or a mutex the
/// awaitable may release as it suspends.
std::vector<const clang::Expr *> passedByReference(const clang::Expr *operand);

/// What an argument hands on, through std::move, std::forward and copies.
const clang::Expr *handedOn(const clang::Expr *arg);

/// The location (LockSets' locationKey) an argument hands over; an element
/// of a container or a member of a local (`std::move(results[i])`,
/// `std::get<0>(results)`, `done.results`) is the whole object's; empty if
/// the argument names no location.
std::string readyKeyOf(const clang::Expr *arg);

/// The index of the parameter of `fn` that `e` names, or -1.
int parameterIndex(const clang::Expr *e, const clang::FunctionDecl *fn);

/// A string literal naming a file of a filesystem the kernel serves from
/// memory (/proc, /sys), through the conversions to std::string or a path.
bool isVirtualFilePath(const clang::Expr *e);
bool anyVirtualFilePath(llvm::ArrayRef<const clang::Expr *> args);

} // namespace concur
