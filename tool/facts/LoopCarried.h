// Loop-carried data flow: whether one iteration of a loop feeds the next.
//
// The advice (rules/Advice.cpp) turns a loop into concurrent work only when
// its iterations are independent: the calls of one iteration read nothing
// an earlier iteration wrote (`cursor = fetch(cursor)` is a chain), the
// iteration count does not depend on them (a bound the body changes, a
// break), and, for a parallel loop, nothing outside the loop is written but
// the element at the loop's own index. Syntactic and conservative: a use
// whose effect is not seen (a non-const reference passed on, a reference
// captured by a lambda) counts as a write.
#pragma once

#include "facts/Facts.h"

#include <vector>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
} // namespace clang

namespace concur {

/// Fills Loop::form, earlyExit, sharedWrites and CallSite::carriedInput,
/// outerArgs of `facts`. `loops[k]` is the statement of facts.loops[k];
/// `calls[k]` the expression of facts.calls[k] (a call or a construction).
void addLoopCarriedFacts(const std::vector<const clang::Stmt *> &loops, const std::vector<const clang::Expr *> &calls,
                         clang::ASTContext &ctx, FunctionFacts &facts);

} // namespace concur
