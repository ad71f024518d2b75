#include "facts/RetryLoops.h"

#include "facts/Names.h"
#include "facts/Values.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

namespace concur {

using namespace clang;

namespace {

bool isLoopStmt(const Stmt *s) {
  return isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s);
}

bool isAtomicType(QualType type) {
  for (const std::string &name : classAndBases(type))
    if (name == "::std::atomic" || name == "::std::atomic_flag" || name == "::std::atomic_ref" ||
        name == "::std::__atomic_base" || name == "::std::__atomic_ref")
      return true;
  return type->isAtomicType();
}

bool isConditionalName(llvm::StringRef name) {
  return name.starts_with("compare_exchange") || name == "test_and_set" || name.starts_with("try_lock") ||
         name == "try_acquire";
}

/// A member call in a template's pattern whose object's type depends on a
/// parameter (`std::atomic<T> &v; v.compare_exchange_weak(...)`): nothing is
/// resolved, so the member's name is all there is.
bool isDependentConditional(const CallExpr *call) {
  const Expr *callee = call->getCallee()->IgnoreParens();
  if (const auto *member = dyn_cast<CXXDependentScopeMemberExpr>(callee))
    return member->getMember().isIdentifier() && isConditionalName(member->getMember().getAsString());
  if (const auto *member = dyn_cast<UnresolvedMemberExpr>(callee))
    return member->getName().isIdentifier() && isConditionalName(member->getName().getAsString());
  return false;
}

/// An operation that succeeds or fails depending on other threads.
bool isConditionalAtomic(const CallExpr *call) {
  if (isDependentConditional(call))
    return true;
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee || !callee->getIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  if (name.starts_with("__atomic_compare_exchange") || name.starts_with("__sync_bool_compare_and_swap") ||
      name.starts_with("__sync_val_compare_and_swap") || name.starts_with("atomic_compare_exchange") ||
      name == "atomic_flag_test_and_set" || name == "atomic_flag_test_and_set_explicit")
    return true;
  const auto *member = dyn_cast<CXXMemberCallExpr>(call);
  if (!member)
    return false;
  if (name.starts_with("try_lock") || name == "try_acquire")
    return true; // a mutex's or a semaphore's try: fails while another thread holds it
  return isAtomicType(member->getImplicitObjectArgument()->getType()) &&
         (name.starts_with("compare_exchange") || name == "test_and_set");
}

/// A read of an atomic: a load, a test, or its implicit conversion.
bool readsAtomic(const Stmt *s) {
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(s))
    if (isAtomicType(call->getImplicitObjectArgument()->getType()))
      return true;
  if (const auto *conv = dyn_cast<ImplicitCastExpr>(s))
    if (isAtomicType(conv->getSubExpr()->getType()))
      return true;
  return false;
}

/// Whether `s` (not descending into nested loops or lambdas) contains a
/// conditional atomic operation, or (`reads`) any read of an atomic.
bool contains(const Stmt *s, bool reads) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (const auto *call = dyn_cast<CallExpr>(s); call && isConditionalAtomic(call))
    return true;
  if (reads && readsAtomic(s))
    return true;
  for (const Stmt *child : s->children())
    if (child && !isLoopStmt(child) && contains(child, reads))
      return true;
  return false;
}

/// The loop's condition, and its body.
std::pair<const Expr *, const Stmt *> parts(const Stmt *loop) {
  if (const auto *f = dyn_cast<ForStmt>(loop))
    return {f->getCond(), f->getBody()};
  if (const auto *w = dyn_cast<WhileStmt>(loop))
    return {w->getCond(), w->getBody()};
  if (const auto *d = dyn_cast<DoStmt>(loop))
    return {d->getCond(), d->getBody()};
  return {nullptr, nullptr};
}

/// Whether `s` always leaves the loop it is in: a break or a return, or a
/// block that ends with one. A success that goes on to process work
/// (`if (next.cas(b, e)) { run(b, e); b = e; }`, a chunk claimed by a
/// partitioner) claims a share of the data; it is no retry.
bool exits(const Stmt *s) {
  if (const auto *block = dyn_cast_or_null<CompoundStmt>(s))
    return !block->body_empty() && exits(block->body_back());
  return s && (isa<BreakStmt>(s) || isa<ReturnStmt>(s));
}

/// Whether the body leaves the loop when a conditional atomic operation
/// succeeds: `if (x.compare_exchange_weak(...)) { ...; break; }`.
bool exitsOnSuccess(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s) || isLoopStmt(s))
    return false;
  if (const auto *branch = dyn_cast<IfStmt>(s))
    if (contains(branch->getCond(), /*reads=*/false) && exits(branch->getThen()))
      return true;
  for (const Stmt *child : s->children())
    if (child && exitsOnSuccess(child))
      return true;
  return false;
}

} // namespace

bool isRetryLoop(const Stmt *loop, ASTContext &ctx) {
  auto [cond, body] = parts(loop);
  if (!body)
    return false; // a range-for walks a container: a size of the data
  if (cond && contains(cond, /*reads=*/true))
    return true; // while (!cas(...)), while (!flag.load()) spin
  bool constantTrue = !cond;
  if (cond && evaluable(cond)) {
    bool value = false;
    constantTrue = cond->EvaluateAsBooleanCondition(value, ctx) && value;
  }
  if (constantTrue && contains(body, /*reads=*/false))
    return true; // for (;;) { ... cas ... }
  return exitsOnSuccess(body); // for (s = x.load(); s & mask;) if (x.cas(s, ...)) break;
}

} // namespace concur
