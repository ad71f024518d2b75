#include "facts/Arguments.h"

#include "facts/LockSets.h"
#include "facts/Names.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

#include <algorithm>

namespace concur {

using namespace clang;

std::vector<const Expr *> passedByReference(const Expr *operand) {
  std::vector<const Expr *> guards;
  auto consider = [&](const Expr *arg, QualType param) {
    if (param->isLValueReferenceType() && !param->getPointeeType().isConstQualified())
      guards.push_back(arg->IgnoreParenImpCasts());
  };
  std::vector<const Stmt *> stack{operand};
  while (!stack.empty()) {
    const Stmt *s = stack.back();
    stack.pop_back();
    if (!s || isa<LambdaExpr>(s))
      continue;
    if (const auto *construct = dyn_cast<CXXConstructExpr>(s)) {
      const CXXConstructorDecl *ctor = construct->getConstructor();
      for (unsigned i = 0; ctor && i < construct->getNumArgs() && i < ctor->getNumParams(); ++i)
        consider(construct->getArg(i), ctor->getParamDecl(i)->getType());
    } else if (const auto *init = dyn_cast<InitListExpr>(s)) {
      // waiter{*this, lock}: an aggregate whose reference member binds the guard.
      if (const auto *record = init->getType()->getAsRecordDecl()) {
        unsigned i = 0;
        for (const FieldDecl *field : record->fields())
          if (i < init->getNumInits())
            consider(init->getInit(i++), field->getType());
      }
    } else if (const auto *call = dyn_cast<CallExpr>(s)) {
      const FunctionDecl *callee = call->getDirectCallee();
      // A member operator's first argument is the object, not a parameter.
      const unsigned shift = isa<CXXOperatorCallExpr>(call) && isa_and_nonnull<CXXMethodDecl>(callee) ? 1 : 0;
      for (unsigned i = shift; callee && i < call->getNumArgs() && i - shift < callee->getNumParams(); ++i)
        consider(call->getArg(i), callee->getParamDecl(i - shift)->getType());
    }
    for (const Stmt *child : s->children())
      stack.push_back(child);
  }
  return guards;
}

bool isVirtualFilePath(const Expr *e) {
  while (true) {
    e = e->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
      e = construct->getArg(0);
    else if (const auto *temp = dyn_cast<MaterializeTemporaryExpr>(e))
      e = temp->getSubExpr();
    else
      break;
  }
  const auto *literal = dyn_cast<StringLiteral>(e);
  if (!literal || !literal->isOrdinary())
    return false;
  llvm::StringRef path = literal->getString();
  return path.starts_with("/proc/") || path.starts_with("/sys/");
}

bool anyVirtualFilePath(llvm::ArrayRef<const Expr *> args) {
  return std::any_of(args.begin(), args.end(), isVirtualFilePath);
}

const Expr *handedOn(const Expr *arg) {
  while (true) {
    arg = arg->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(arg); construct && construct->getNumArgs() == 1)
      arg = construct->getArg(0);
    else if (const auto *temp = dyn_cast<MaterializeTemporaryExpr>(arg))
      arg = temp->getSubExpr();
    else if (const auto *call = dyn_cast<CallExpr>(arg); call && (isStdCall(call, "move") || isStdCall(call, "forward")))
      arg = call->getArg(0);
    else
      return arg;
  }
}

std::string readyKeyOf(const Expr *arg) {
  arg = handedOn(arg);
  while (true) {
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(arg); op && op->getOperator() == OO_Subscript)
      arg = handedOn(op->getArg(0));
    else if (const auto *get = dyn_cast<CallExpr>(arg); get && isStdCall(get, "get")) // std::get<N>(t)
      arg = handedOn(get->getArg(0));
    else if (const auto *member = dyn_cast<MemberExpr>(arg);
             member && !isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
      arg = handedOn(member->getBase()); // any_done.results: part of a ready value
    else if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(arg))
      arg = handedOn(subscript->getBase());
    else
      break;
  }
  if (!isa<DeclRefExpr>(arg) && !isa<MemberExpr>(arg))
    return {};
  return locationKey(arg);
}

int parameterIndex(const Expr *e, const FunctionDecl *fn) {
  if (const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()))
    if (const auto *param = dyn_cast<ParmVarDecl>(ref->getDecl()); param && param->getDeclContext() == fn)
      return int(param->getFunctionScopeIndex());
  return -1;
}

} // namespace concur
