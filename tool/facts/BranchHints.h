// Branches the code marks as rarely taken: C++20 `[[unlikely]]` on a
// branch (or `[[likely]]` on the other one), `__builtin_expect(c, 0)`,
// which LIKELY/UNLIKELY macros expand to, and a branch that ends by
// throwing (an error check). What runs there is amortised over
// many calls (a queue's resize when full, an error report), so the cost
// model does not charge it per call (issue 10: taskflow's every enqueue was
// charged the work-stealing queue's resize loop).
#pragma once

namespace clang {
class ASTContext;
class IfStmt;
} // namespace clang

namespace concur {

enum class BranchHint { None, ThenUnlikely, ElseUnlikely };

BranchHint branchHint(const clang::IfStmt *branch, clang::ASTContext &ctx);

} // namespace concur
