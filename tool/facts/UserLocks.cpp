#include "facts/UserLocks.h"

#include "catalog/Catalog.h"
#include "facts/Names.h"

#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>

#include <algorithm>

namespace concur {

using namespace clang;

namespace {

/// `&m`, `*mu`, `(m)`: the mutex itself.
const Expr *strippedMutex(const Expr *e) {
  while (true) {
    e = e->IgnoreParenImpCasts();
    const auto *unary = dyn_cast<UnaryOperator>(e);
    if (!unary || (unary->getOpcode() != UO_AddrOf && unary->getOpcode() != UO_Deref))
      return e;
    e = unary->getSubExpr();
  }
}

/// The attribute of type A on any declaration of `fn` (annotations are
/// usually on the declaration in the header, the body elsewhere).
template <class A> const A *attributeOf(const FunctionDecl *fn) {
  for (const FunctionDecl *decl : fn->redecls())
    if (const auto *attr = decl->getAttr<A>())
      return attr;
  return nullptr;
}

/// The capabilities an annotation names, as expressions of the call: an
/// argument for a parameter, the object when it names none.
template <class A>
std::vector<const Expr *> namedCapabilities(const A *attr, const Expr *object, llvm::ArrayRef<const Expr *> args) {
  std::vector<const Expr *> out;
  if (attr->args_size() == 0) {
    if (object)
      out.push_back(object);
    return out;
  }
  for (const Expr *named : attr->args()) {
    const auto *ref = dyn_cast<DeclRefExpr>(strippedMutex(named));
    const auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
    if (!param) {
      out.push_back(named); // a data member or a global, named directly
    } else if (param->getFunctionScopeIndex() < args.size()) {
      out.push_back(args[param->getFunctionScopeIndex()]);
    }
  }
  return out;
}

bool literalTruth(const Expr *value) {
  value = value ? value->IgnoreParenImpCasts() : nullptr;
  if (const auto *b = dyn_cast_or_null<CXXBoolLiteralExpr>(value))
    return b->getValue();
  if (const auto *i = dyn_cast_or_null<IntegerLiteral>(value))
    return i->getValue() != 0;
  return true;
}

/// The mutexes a catalogued lock or unlock call names, or an annotated one.
std::vector<const Expr *> mutexesOfCall(const CallExpr *call, const Catalog &catalog, uint32_t effect,
                                        AnnotatedLockOp::Kind annotated) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee)
    return {};
  const Expr *object = objectOfCall(call);
  std::vector<std::string> types = object ? classAndBases(object) : std::vector<std::string>();
  if (const ApiEntry *entry = catalog.lookup(normalizedName(callee), types)) {
    if (!entry->has(effect) || (effect == EffectLock && !entry->blocks()))
      return {};
    if (object)
      return {object};
    if (entry->mutexArg >= 0 && unsigned(entry->mutexArg) < call->getNumArgs())
      return {call->getArg(entry->mutexArg)};
    return {};
  }
  auto op = annotatedLockOp(callee, object, argumentsOfCall(call));
  return op && op->kind == annotated ? op->mutexes : std::vector<const Expr *>();
}

template <class Visit> void forEachCall(const Stmt *body, Visit visit) {
  std::vector<const Stmt *> stack{body};
  while (!stack.empty()) {
    const Stmt *s = stack.back();
    stack.pop_back();
    if (!s || isa<LambdaExpr>(s))
      continue;
    if (const auto *call = dyn_cast<CallExpr>(s))
      visit(call);
    for (const Stmt *child : s->children())
      stack.push_back(child);
  }
}

const FieldDecl *fieldOf(const Expr *mutex) {
  const auto *member = dyn_cast<MemberExpr>(strippedMutex(mutex));
  if (!member || !isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(member->getMemberDecl());
}

} // namespace

const Expr *objectOfCall(const CallExpr *call) {
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
    return member->getImplicitObjectArgument();
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(call); op && isa_and_nonnull<CXXMethodDecl>(op->getDirectCallee()))
    return op->getArg(0);
  return nullptr;
}

std::vector<const Expr *> argumentsOfCall(const CallExpr *call) {
  std::vector<const Expr *> args(call->arg_begin(), call->arg_end());
  if (isa<CXXOperatorCallExpr>(call) && objectOfCall(call) && !args.empty())
    args.erase(args.begin());
  return args;
}

bool isTagArgument(const Expr *arg, const ApiEntry &entry) {
  for (const std::string &type : classAndBases(arg->getType()))
    if (std::find(entry.deferredBy.begin(), entry.deferredBy.end(), type) != entry.deferredBy.end())
      return true;
  return false;
}

std::optional<AnnotatedLockOp> annotatedLockOp(const FunctionDecl *callee, const Expr *object,
                                               llvm::ArrayRef<const Expr *> args) {
  if (!callee)
    return std::nullopt;
  AnnotatedLockOp op;
  if (const auto *acquire = attributeOf<AcquireCapabilityAttr>(callee)) {
    op.kind = AnnotatedLockOp::Acquire;
    op.mutexes = namedCapabilities(acquire, object, args);
  } else if (const auto *release = attributeOf<ReleaseCapabilityAttr>(callee)) {
    op.kind = AnnotatedLockOp::Release;
    op.mutexes = namedCapabilities(release, object, args);
  } else if (const auto *tryAcquire = attributeOf<TryAcquireCapabilityAttr>(callee)) {
    op.kind = AnnotatedLockOp::TryAcquire;
    op.mutexes = namedCapabilities(tryAcquire, object, args);
    op.acquiredWhen = literalTruth(tryAcquire->getSuccessValue());
  } else {
    return std::nullopt;
  }
  if (op.mutexes.empty())
    return std::nullopt;
  return op;
}

const std::vector<unsigned> &UserGuards::lockedParameters(const CXXConstructorDecl *ctor) {
  auto it = cache_.find(ctor);
  if (it == cache_.end())
    it = cache_.emplace(ctor, examine(ctor)).first;
  return it->second;
}

std::vector<unsigned> UserGuards::examine(const CXXConstructorDecl *ctor) const {
  std::vector<unsigned> params;
  auto add = [&](std::optional<unsigned> p) {
    if (p && std::find(params.begin(), params.end(), *p) == params.end())
      params.push_back(*p);
  };
  // A guard is given its mutex: no parameter, no guard.
  if (ctor->getNumParams() == 0 || ctor->isCopyOrMoveConstructor())
    return params;
  if (const auto *acquire = attributeOf<AcquireCapabilityAttr>(ctor)) {
    for (const Expr *named : acquire->args())
      add(parameterOf(ctor, named));
    return params;
  }
  const FunctionDecl *definition = nullptr;
  if (!ctor->hasBody(definition))
    return params;
  const auto *def = cast<CXXConstructorDecl>(definition);
  // A catalogued guard member built from an argument: lock_(m).
  for (const CXXCtorInitializer *init : def->inits()) {
    const auto *construct = init->isMemberInitializer() && init->isWritten()
                                ? dyn_cast<CXXConstructExpr>(init->getInit()->IgnoreImplicit())
                                : nullptr;
    const ApiEntry *entry = construct ? catalog_.lookup(normalizedName(construct->getConstructor()), {}) : nullptr;
    if (!entry || !entry->has(EffectLock) || !entry->blocks())
      continue;
    const auto args = construct->arguments();
    if (std::any_of(args.begin(), args.end(), [&](const Expr *arg) { return isTagArgument(arg, *entry); }))
      continue; // defer_lock, adopt_lock: the member does not lock here
    for (unsigned i = 0; i < construct->getNumArgs(); ++i)
      if (entry->mutexArg < 0 || unsigned(entry->mutexArg) == i)
        add(parameterOf(def, construct->getArg(i)));
  }
  // m_.lock() in the body on a member made from an argument, with the
  // destructor unlocking that member.
  forEachCall(def->getBody(), [&](const CallExpr *call) {
    for (const Expr *mutex : mutexesOfCall(call, catalog_, EffectLock, AnnotatedLockOp::Acquire))
      if (const FieldDecl *field = fieldOf(mutex); field && destructorUnlocks(def->getParent(), field))
        add(parameterOf(def, mutex));
  });
  return params;
}

/// The parameter a mutex expression of the constructor stands for: the
/// parameter itself, or a member the constructor initialises from it.
std::optional<unsigned> UserGuards::parameterOf(const CXXConstructorDecl *ctor, const Expr *mutex) const {
  const Expr *e = strippedMutex(mutex);
  if (const FieldDecl *field = fieldOf(e)) {
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isMemberInitializer() && init->getMember() == field && init->getInit()) {
        e = init->getInit()->IgnoreImplicit();
        if (const auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
          e = construct->getArg(0);
        e = strippedMutex(e);
        break;
      }
  }
  const auto *ref = dyn_cast<DeclRefExpr>(e);
  const auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
  const auto *owner = param ? dyn_cast<FunctionDecl>(param->getDeclContext()) : nullptr;
  if (!owner || owner->getCanonicalDecl() != ctor->getCanonicalDecl())
    return std::nullopt;
  return param->getFunctionScopeIndex();
}

bool UserGuards::destructorUnlocks(const CXXRecordDecl *record, const FieldDecl *field) const {
  if (record->hasAttr<ScopedLockableAttr>())
    return true;
  const CXXDestructorDecl *dtor = record->getDestructor();
  if (!dtor)
    return false;
  if (attributeOf<ReleaseCapabilityAttr>(dtor))
    return true;
  const FunctionDecl *def = nullptr;
  if (!dtor->hasBody(def))
    return false;
  bool unlocks = false;
  forEachCall(def->getBody(), [&](const CallExpr *call) {
    for (const Expr *mutex : mutexesOfCall(call, catalog_, EffectUnlock, AnnotatedLockOp::Release))
      unlocks |= fieldOf(mutex) == field;
  });
  return unlocks;
}

} // namespace concur
