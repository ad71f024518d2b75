#include "facts/RetryLoops.h"

#include "facts/Names.h"
#include "facts/Values.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include <vector>

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

/// What a one-line function returns (`bool try_lock() { return
/// !locked_.exchange(true); }`), when its body is that one statement.
const Expr *returnedByAccessor(const CallExpr *call) {
  const FunctionDecl *callee = call->getDirectCallee();
  const FunctionDecl *definition = nullptr;
  if (!callee || !callee->hasBody(definition))
    return nullptr;
  const auto *body = dyn_cast_or_null<CompoundStmt>(definition->getBody());
  if (!body || body->size() != 1)
    return nullptr;
  const auto *ret = dyn_cast<ReturnStmt>(body->body_front());
  return ret ? ret->getRetValue() : nullptr;
}

/// Whether `s` (not descending into nested loops or lambdas) contains a
/// conditional atomic operation, or (`reads`) any read of an atomic, also
/// inside a one-line accessor it calls (`while (!tryLock())`).
bool contains(const Stmt *s, bool reads, int accessors = 2) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (const auto *call = dyn_cast<CallExpr>(s)) {
    if (isConditionalAtomic(call))
      return true;
    if (accessors > 0)
      if (const Expr *returned = returnedByAccessor(call); returned && contains(returned, reads, accessors - 1))
        return true;
  }
  if (reads && readsAtomic(s))
    return true;
  for (const Stmt *child : s->children())
    if (child && !isLoopStmt(child) && contains(child, reads, accessors))
      return true;
  return false;
}

/// The local variables `cond` tests.
void testedLocals(const Stmt *s, std::vector<const VarDecl *> &out) {
  if (!s)
    return;
  if (const auto *ref = dyn_cast<DeclRefExpr>(s))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->hasLocalStorage() && !isa<ParmVarDecl>(var))
      out.push_back(var);
  for (const Stmt *child : s->children())
    testedLocals(child, out);
}

/// Whether `s` (outside nested loops and lambdas) assigns `var` a value
/// read from an atomic: `seen = flag.load()`.
bool reloadsFromAtomic(const Stmt *s, const VarDecl *var) {
  if (!s || isa<LambdaExpr>(s) || isLoopStmt(s))
    return false;
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign)
    if (const auto *lhs = dyn_cast<DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts()); lhs && lhs->getDecl() == var)
      return contains(assign->getRHS(), /*reads=*/true);
  for (const Stmt *child : s->children())
    if (reloadsFromAtomic(child, var))
      return true;
  return false;
}

/// `while (seen == 0) { wait(...); seen = state.load(); }`: the condition
/// tests a copy the body reloads from an atomic, a wait for another thread.
bool spinsOnReloadedCopy(const Expr *cond, const Stmt *body) {
  std::vector<const VarDecl *> locals;
  testedLocals(cond, locals);
  for (const VarDecl *var : locals)
    if (reloadsFromAtomic(body, var))
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
  if (cond && spinsOnReloadedCopy(cond, body))
    return true;
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
