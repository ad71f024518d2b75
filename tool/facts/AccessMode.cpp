#include "facts/AccessMode.h"

#include "facts/Names.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>

namespace concur {

using namespace clang;

namespace {

bool bindsToMutable(QualType param) {
  if (param->isReferenceType())
    return !param.getNonReferenceType().isConstQualified();
  if (const auto *ptr = param->getAs<PointerType>())
    return !ptr->getPointeeType().isConstQualified();
  return false;
}

/// Whether argument `index` of a call to `fn` may be written through.
bool argumentWritten(const FunctionDecl *fn, unsigned index) {
  if (!fn)
    return false;
  if (index < fn->getNumParams())
    return bindsToMutable(fn->getParamDecl(index)->getType());
  return fn->isVariadic();
}

bool isMutatingOperator(OverloadedOperatorKind op) {
  switch (op) {
  case OO_Equal: case OO_PlusEqual: case OO_MinusEqual: case OO_StarEqual:
  case OO_SlashEqual: case OO_PercentEqual: case OO_CaretEqual: case OO_AmpEqual:
  case OO_PipeEqual: case OO_LessLessEqual: case OO_GreaterGreaterEqual:
  case OO_PlusPlus: case OO_MinusMinus:
    return true;
  default:
    return false;
  }
}

} // namespace

bool isWriteAccess(const Expr *expr, const ParentMap &parents) {
  const Stmt *child = expr;
  for (const Stmt *parent = parents.getParent(child); parent;
       child = parent, parent = parents.getParent(parent)) {
    if (isa<ParenExpr>(parent) || isa<MaterializeTemporaryExpr>(parent))
      continue;
    if (const auto *cast = dyn_cast<ImplicitCastExpr>(parent)) {
      if (cast->getCastKind() == CK_LValueToRValue)
        return false;
      continue;
    }
    if (const auto *member = dyn_cast<MemberExpr>(parent)) {
      if (member->getBase() == child && !member->isArrow())
        continue; // s.x = 1 writes s
      return false;
    }
    if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(parent)) {
      if (subscript->getBase() == child)
        continue;
      return false;
    }
    if (const auto *unary = dyn_cast<UnaryOperator>(parent)) {
      if (unary->isIncrementDecrementOp() || unary->getOpcode() == UO_AddrOf)
        return true;
      if (unary->getOpcode() == UO_Deref)
        continue;
      return false;
    }
    if (const auto *bin = dyn_cast<BinaryOperator>(parent))
      return bin->isAssignmentOp() && bin->getLHS() == child;
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(parent)) {
      if (op->getNumArgs() == 0 || op->getArg(0) != child) {
        for (unsigned i = 1; i < op->getNumArgs(); ++i)
          if (op->getArg(i) == child)
            return argumentWritten(op->getDirectCallee(), i - isa_and_nonnull<CXXMethodDecl>(op->getDirectCallee()));
        return false;
      }
      if (isMutatingOperator(op->getOperator()))
        return true;
      if (const auto *method = dyn_cast_or_null<CXXMethodDecl>(op->getDirectCallee()))
        return !method->isConst();
      return argumentWritten(op->getDirectCallee(), 0);
    }
    if (const auto *call = dyn_cast<CXXMemberCallExpr>(parent)) {
      if (call->getImplicitObjectArgument() == child)
        return call->getMethodDecl() && !call->getMethodDecl()->isConst();
    }
    if (const auto *call = dyn_cast<CallExpr>(parent)) {
      for (unsigned i = 0; i < call->getNumArgs(); ++i)
        if (call->getArg(i) == child)
          return argumentWritten(call->getDirectCallee(), i);
      return false;
    }
    if (const auto *construct = dyn_cast<CXXConstructExpr>(parent)) {
      for (unsigned i = 0; i < construct->getNumArgs(); ++i)
        if (construct->getArg(i) == child)
          return argumentWritten(construct->getConstructor(), i);
      return false;
    }
    return false;
  }
  return false;
}

bool isSynchronisationType(QualType type) {
  type = type.getNonReferenceType();
  if (type->isAtomicType())
    return true;
  const auto *record = type->getAsCXXRecordDecl();
  if (!record)
    return false;
  const std::string name = normalizedName(record);
  return name == "::std::atomic" || name == "::std::atomic_ref" || name == "::std::atomic_flag";
}

} // namespace concur
