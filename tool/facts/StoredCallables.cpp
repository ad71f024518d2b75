#include "facts/StoredCallables.h"

#include "facts/Arguments.h"
#include "facts/LockSets.h"
#include "facts/Names.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include <llvm/ADT/StringSet.h>

namespace concur {

using namespace clang;

const FunctionDecl *callableTarget(const Expr *arg) {
  const Expr *e = handedOn(arg);
  if (const auto *unary = dyn_cast<UnaryOperator>(e); unary && unary->getOpcode() == UO_AddrOf)
    e = unary->getSubExpr()->IgnoreParenImpCasts();
  const CXXRecordDecl *closure = nullptr;
  if (const auto *lambda = dyn_cast<LambdaExpr>(e))
    closure = lambda->getLambdaClass();
  else if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto *fn = dyn_cast<FunctionDecl>(ref->getDecl()))
      return fn;
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      closure = var->getType().getNonReferenceType()->getAsCXXRecordDecl();
  }
  if (!closure || !closure->isLambda())
    return nullptr;
  const CXXMethodDecl *op = closure->getLambdaCallOperator();
  if (const FunctionTemplateDecl *generic = op->getDescribedFunctionTemplate()) {
    for (const FunctionDecl *spec : generic->specializations())
      return spec;
    return nullptr;
  }
  return op;
}

bool storesCallables(const FunctionDecl *callee) {
  if (isa<CXXConstructorDecl>(callee))
    return true;
  if (const auto *method = dyn_cast<CXXMethodDecl>(callee); method && method->isOverloadedOperator())
    return method->getOverloadedOperator() == OO_Equal;
  static const llvm::StringSet<> keeping = {
      "emplace_back", "emplace_front", "emplace", "emplace_hint", "try_emplace", "push_back", "push_front",
      "push", "insert", "insert_or_assign", "assign", "swap", "exchange", "move", "forward", "bind",
      "bind_front", "bind_back", "ref", "cref", "make_shared", "make_unique", "allocate_shared",
      "make_optional", "make_any", "make_pair", "make_tuple", "forward_as_tuple", "tie", "set_value"};
  return callee->getDeclName().isIdentifier() && keeping.contains(callee->getName());
}

/// A stored object's place: a variable, or a data member whatever object
/// holds it (object-insensitive: `bus.on_close` and `this->on_close` are
/// one place), or the container whose element it is (handlers_[i],
/// handlers_.back(), the range variable over handlers_); empty if none.
std::string StoredCallables::placeOf(const Expr *e) const {
  e = handedOn(e);
  while (true) {
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript)
      e = handedOn(op->getArg(0));
    else if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
      e = handedOn(subscript->getBase());
    else if (const auto *element = dyn_cast<CXXMemberCallExpr>(e);
             element && element->getMethodDecl() && element->getMethodDecl()->getDeclName().isIdentifier() &&
             llvm::is_contained({"front", "back", "at"}, element->getMethodDecl()->getName()))
      e = handedOn(element->getImplicitObjectArgument());
    else
      break;
  }
  std::string key;
  if (const auto *member = dyn_cast<MemberExpr>(e))
    key = "m:" + usrOf(member->getMemberDecl());
  else if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    key = "v:" + usrOf(ref->getDecl());
  auto alias = elementOf_.find(key);
  return alias == elementOf_.end() ? key : alias->second;
}

/// Whether a parameter of this type can carry a callable: a class with a
/// call operator (std::function, a lambda's closure, a functor), a function
/// pointer, or a template parameter.
static bool mayHoldCallable(QualType type) {
  type = type.getNonReferenceType();
  if (type->isDependentType() || type->isFunctionPointerType())
    return true;
  const CXXRecordDecl *record = type->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition())
    return false;
  if (record->isLambda())
    return true;
  for (const CXXMethodDecl *method : record->methods())
    if (method->getOverloadedOperator() == OO_Call)
      return true;
  return false;
}

void StoredCallables::store(const std::string &place, const Expr *value) {
  if (place.empty())
    return;
  if (const FunctionDecl *target = callableTarget(value))
    stored_.push_back({place, usrOf(target), -1});
  else if (int param = parameterIndex(handedOn(value), fn_);
           param >= 0 && mayHoldCallable(fn_->getParamDecl(unsigned(param))->getType()))
    stored_.push_back({place, "", param});
}

void StoredCallables::noteStoringCall(const Expr *into, llvm::ArrayRef<const Expr *> args) {
  if (!into)
    return;
  const std::string place = placeOf(into);
  for (const Expr *arg : args)
    store(place, arg);
}

void StoredCallables::noteVariable(const VarDecl *var) {
  const Expr *init = var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr;
  llvm::ArrayRef<const Expr *> args;
  if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init)) {
    if (!construct->getConstructor() || construct->getConstructor()->getParent()->isLambda())
      return; // a copy of a lambda: calling it is a direct call
    args = {construct->getArgs(), construct->getNumArgs()};
  } else if (const auto *call = dyn_cast_or_null<CallExpr>(init)) {
    // auto f = std::make_shared<std::function<void()>>(lambda), std::bind(...)
    if (!call->getDirectCallee() || !storesCallables(call->getDirectCallee()))
      return;
    args = {call->getArgs(), call->getNumArgs()};
  }
  const std::string place = "v:" + usrOf(var);
  for (const Expr *arg : args)
    store(place, arg);
}

void StoredCallables::noteMemberInits(const CXXConstructorDecl *ctor) {
  for (const CXXCtorInitializer *init : ctor->inits()) {
    if (!init->isMemberInitializer() || !init->isWritten() || !init->getInit())
      continue;
    const std::string place = "m:" + usrOf(init->getMember());
    const Expr *value = init->getInit()->IgnoreImplicit();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(value)) {
      for (const Expr *arg : construct->arguments())
        store(place, arg);
    } else {
      store(place, value);
    }
  }
}

void StoredCallables::noteRangeVariable(const CXXForRangeStmt *loop) {
  if (const VarDecl *var = loop->getLoopVariable(); var && loop->getRangeInit())
    if (std::string container = placeOf(loop->getRangeInit()); !container.empty())
      elementOf_["v:" + usrOf(var)] = container;
}

std::string StoredCallables::invokedPlace(const CallExpr *call) const {
  const auto *op = dyn_cast<CXXOperatorCallExpr>(call);
  if (!op || op->getOperator() != OO_Call || op->getNumArgs() == 0)
    return {};
  const auto *method = dyn_cast_or_null<CXXMethodDecl>(op->getDirectCallee());
  if (!method || method->getParent()->isLambda())
    return {}; // a lambda's own operator() is a direct call
  return placeOf(op->getArg(0));
}

} // namespace concur
