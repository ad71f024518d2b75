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

/// What `e` names, when it is a variable or a data member (`left`, `size_`).
const ValueDecl *named(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    return ref->getDecl();
  if (const auto *member = dyn_cast<MemberExpr>(e))
    return member->getMemberDecl();
  return nullptr;
}

/// The remainder a loop's condition tests: `left > 0`, `left != 0`, `left`.
const ValueDecl *testedRemainder(const Expr *cond) {
  if (!cond)
    return nullptr;
  cond = cond->IgnoreParenImpCasts();
  if (const auto *cmp = dyn_cast<BinaryOperator>(cond)) {
    if (cmp->getOpcode() != BO_GT && cmp->getOpcode() != BO_NE)
      return nullptr;
    const auto *zero = dyn_cast<IntegerLiteral>(cmp->getRHS()->IgnoreParenImpCasts());
    return zero && zero->getValue() == 0 ? named(cmp->getLHS()) : nullptr;
  }
  return named(cond);
}

/// A call one of whose arguments is the whole remainder: `write(fd, p, left)`.
const CallExpr *callGiven(const Expr *e, const ValueDecl *remainder) {
  const auto *call = dyn_cast_or_null<CallExpr>(e ? e->IgnoreCasts()->IgnoreParenImpCasts() : nullptr);
  if (!call)
    return nullptr;
  for (const Expr *arg : call->arguments())
    if (named(arg) == remainder)
      return call;
  return nullptr;
}

/// Whether `s` takes from the remainder what a call given all of it did:
/// `left -= n` with `n = write(fd, p, left)`, or `left -= write(fd, p, left)`.
bool takesCallResult(const Stmt *s, const Stmt *body, const ValueDecl *remainder) {
  if (!s || isa<LambdaExpr>(s) || isLoopStmt(s))
    return false;
  if (const auto *sub = dyn_cast<CompoundAssignOperator>(s); sub && sub->getOpcode() == BO_SubAssign &&
                                                             named(sub->getLHS()) == remainder) {
    const Expr *taken = sub->getRHS()->IgnoreCasts()->IgnoreParenImpCasts();
    if (callGiven(taken, remainder))
      return true;
    if (const auto *var = dyn_cast_or_null<VarDecl>(named(taken)); var && var->hasLocalStorage()) {
      if (callGiven(var->getInit(), remainder))
        return true;
      // `n = write(fd, p, left)` somewhere in the body.
      std::vector<const Stmt *> stack{body};
      while (!stack.empty()) {
        const Stmt *t = stack.back();
        stack.pop_back();
        if (!t || isa<LambdaExpr>(t))
          continue;
        if (const auto *assign = dyn_cast<BinaryOperator>(t); assign && assign->getOpcode() == BO_Assign &&
                                                               named(assign->getLHS()) == var &&
                                                               callGiven(assign->getRHS(), remainder))
          return true;
        stack.insert(stack.end(), t->child_begin(), t->child_end());
      }
    }
  }
  for (const Stmt *child : s->children())
    if (takesCallResult(child, body, remainder))
      return true;
  return false;
}

/// `while (left > 0) { n = write(fd, p, left); ...; p += n; left -= n; }`:
/// each call is given all that remains and goes round again only when it
/// did part of it (a short write, a partial read, EINTR): about once.
bool transfersRemainder(const Expr *cond, const Stmt *body) {
  const ValueDecl *remainder = testedRemainder(cond);
  return remainder && takesCallResult(body, body, remainder);
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
  if (transfersRemainder(cond, body))
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
