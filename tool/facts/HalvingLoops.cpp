#include "facts/HalvingLoops.h"

#include "facts/Values.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <optional>

namespace concur {

using namespace clang;

namespace {

using VarSet = llvm::SmallPtrSet<const VarDecl *, 8>;

std::optional<llvm::APSInt> literalValue(const Expr *e) {
  if (const auto *lit = dyn_cast<IntegerLiteral>(e->IgnoreParenImpCasts()))
    return llvm::APSInt(lit->getValue());
  return std::nullopt;
}

/// A constant factor of at least `least` (`/= 2`, `/= 10`, `>>= 1`).
bool isFactor(const Expr *e, uint64_t least) {
  std::optional<llvm::APSInt> v = literalValue(e);
  return v && v->getLimitedValue() >= least;
}

const VarDecl *referencedVar(const Expr *e) {
  if (const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(ref->getDecl());
  return nullptr;
}

/// `x / 2`, `x >> 1`, `std::midpoint(a, b)`, or a sum or difference with
/// one of those in it (`lo + (hi - lo) / 2`, `(lo + hi) / 2 + 1`).
bool isHalf(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *bin = dyn_cast<BinaryOperator>(e)) {
    if (bin->getOpcode() == BO_Div)
      return isFactor(bin->getRHS(), 2);
    if (bin->getOpcode() == BO_Shr)
      return isFactor(bin->getRHS(), 1);
    if (bin->getOpcode() == BO_Add || bin->getOpcode() == BO_Sub)
      return isHalf(bin->getLHS()) || isHalf(bin->getRHS());
    return false;
  }
  if (const auto *call = dyn_cast<CallExpr>(e))
    if (const FunctionDecl *callee = call->getDirectCallee(); callee && callee->getIdentifier())
      return callee->getName() == "midpoint" && call->getNumArgs() == 2;
  return false;
}

/// A midpoint, a variable holding one, or either of them plus or minus a
/// constant (`mid + 1`).
bool isMidpoint(const Expr *e, const VarSet &midpoints) {
  e = e->IgnoreParenImpCasts();
  if (isHalf(e))
    return true;
  if (const VarDecl *var = referencedVar(e))
    return midpoints.contains(var);
  if (const auto *bin = dyn_cast<BinaryOperator>(e); bin && (bin->getOpcode() == BO_Add || bin->getOpcode() == BO_Sub))
    return (literalValue(bin->getRHS()) && isMidpoint(bin->getLHS(), midpoints)) ||
           (literalValue(bin->getLHS()) && isMidpoint(bin->getRHS(), midpoints));
  return false;
}

void collectVars(const Stmt *s, VarSet &out) {
  if (!s)
    return;
  if (const auto *e = dyn_cast<Expr>(s))
    if (const VarDecl *var = referencedVar(e))
      out.insert(var);
  for (const Stmt *child : s->children())
    collectVars(child, out);
}

/// Statements of the loop's own rounds: its body and a for-loop's
/// increment, not the loops nested in them.
template <typename Visit> void eachOwnStmt(const Stmt *s, Visit &&visit) {
  if (!s)
    return;
  visit(s);
  for (const Stmt *child : s->children())
    if (child && !isLoopStmt(child))
      eachOwnStmt(child, visit);
}

/// Variables the rounds set to a midpoint: `auto mid = (lo + hi) / 2;`,
/// `mid = lo + (hi - lo) / 2;`.
VarSet midpointVars(const Stmt *body) {
  VarSet mids;
  eachOwnStmt(body, [&](const Stmt *s) {
    if (const auto *decl = dyn_cast<DeclStmt>(s))
      for (const Decl *d : decl->decls())
        if (const auto *var = dyn_cast<VarDecl>(d); var && var->getInit() && isHalf(var->getInit()))
          mids.insert(var);
    if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign)
      if (const VarDecl *var = referencedVar(assign->getLHS()); var && isHalf(assign->getRHS()))
        mids.insert(var);
  });
  return mids;
}

/// A round's statement that halves the range of a tested variable.
bool halvesTested(const Stmt *s, const VarSet &tested, const VarSet &mids) {
  if (const auto *compound = dyn_cast<CompoundAssignOperator>(s)) {
    const VarDecl *var = referencedVar(compound->getLHS());
    if (!var || !tested.contains(var))
      return false;
    switch (compound->getOpcode()) {
    case BO_DivAssign:
    case BO_MulAssign:
      return isFactor(compound->getRHS(), 2);
    case BO_ShrAssign:
    case BO_ShlAssign:
      return isFactor(compound->getRHS(), 1);
    default:
      return false;
    }
  }
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign) {
    const VarDecl *var = referencedVar(assign->getLHS());
    return var && tested.contains(var) && isMidpoint(assign->getRHS(), mids);
  }
  return false;
}

} // namespace

bool isHalvingLoop(const Stmt *loop) {
  const Expr *cond = conditionOf(loop);
  if (!cond)
    return false;
  VarSet tested;
  collectVars(cond, tested);
  if (tested.empty())
    return false;
  const Stmt *body = nullptr;
  const Stmt *inc = nullptr;
  if (const auto *f = dyn_cast<ForStmt>(loop)) {
    body = f->getBody();
    inc = f->getInc();
  } else if (const auto *w = dyn_cast<WhileStmt>(loop)) {
    body = w->getBody();
  } else {
    body = cast<DoStmt>(loop)->getBody();
  }
  const VarSet mids = midpointVars(body);
  bool halves = false;
  auto visit = [&](const Stmt *s) { halves = halves || halvesTested(s, tested, mids); };
  eachOwnStmt(body, visit);
  eachOwnStmt(inc, visit);
  return halves;
}

} // namespace concur
