#include "facts/Descriptors.h"

#include "facts/LockSets.h"
#include "facts/Names.h"

#include <clang/AST/Decl.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>

namespace concur {

using namespace clang;

namespace {

bool has(const std::vector<std::string> &flags, const char *name) {
  return std::find(flags.begin(), flags.end(), name) != flags.end();
}

/// Calls that create a descriptor already non-blocking when their flags
/// say so: the result is the descriptor.
struct Creator {
  const char *name;
  const char *flag;
};
constexpr Creator kCreators[] = {
    {"socket", "SOCK_NONBLOCK"},      {"accept4", "SOCK_NONBLOCK"},  {"open", "O_NONBLOCK"},
    {"openat", "O_NONBLOCK"},         {"open64", "O_NONBLOCK"},      {"eventfd", "EFD_NONBLOCK"},
    {"timerfd_create", "TFD_NONBLOCK"}, {"signalfd", "SFD_NONBLOCK"}, {"inotify_init1", "IN_NONBLOCK"},
};

const Expr *stripped(const Expr *e) {
  while (true) {
    e = e->IgnoreParenImpCasts();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
      e = construct->getArg(0);
    else if (const auto *cast = dyn_cast<ExplicitCastExpr>(e)) // unique_fd(fd), static_cast<int>(fd)
      e = cast->getSubExpr();
    else if (const auto *list = dyn_cast<InitListExpr>(e); list && list->getNumInits() == 1)
      e = list->getInit(0);
    else if (const auto *temp = dyn_cast<MaterializeTemporaryExpr>(e))
      e = temp->getSubExpr();
    else if (const auto *bind = dyn_cast<CXXBindTemporaryExpr>(e))
      e = bind->getSubExpr();
    else if (const auto *cleanups = dyn_cast<ExprWithCleanups>(e))
      e = cleanups->getSubExpr();
    else
      return e;
  }
}

bool isIntegerHandle(QualType type) {
  type = type.getNonReferenceType();
  return type->isIntegerType() && !type->isBooleanType();
}

std::string elementOf(const std::string &container) {
  return container.empty() || container.rfind("call:", 0) == 0 ? std::string() : container + "[]";
}

} // namespace

void DescriptorNames::addRangeVariable(const VarDecl *var, const Expr *range) {
  if (std::string element = elementOf(keyOf(range)); !element.empty())
    rangeElements_[var] = element;
}

std::string DescriptorNames::keyOf(const Expr *e) const {
  if (!e)
    return {};
  e = stripped(e);
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e)) {
    // fds[1] on a std::array or std::vector: an element, like a built-in array's.
    if (op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
      return elementOf(keyOf(op->getArg(0)));
    return {};
  }
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(e)) {
    // pipe(fds.data()): the container's elements are what the call fills.
    const CXXMethodDecl *method = member->getMethodDecl();
    if (method && member->getNumArgs() == 0 && method->getIdentifier() && method->getName() == "data")
      return keyOf(member->getImplicitObjectArgument());
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *callee = call->getDirectCallee();
    return callee ? "call:" + usrOf(callee) : std::string();
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (auto it = rangeElements_.find(var); it != rangeElements_.end())
        return it->second;
  // A data member names the descriptor of any object of its class: the
  // constructor sets up `fds_` through `this`, a coroutine reads `p.fds_`.
  if (const auto *member = dyn_cast<MemberExpr>(e))
    if (isa<FieldDecl>(member->getMemberDecl()))
      return "m:" + usrOf(member->getMemberDecl());
  if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
    return elementOf(keyOf(subscript->getBase()));
  std::string key = locationKey(e);
  return key.rfind("expr:", 0) == 0 ? std::string() : key;
}

std::string DescriptorNames::accessedObject(const Expr *e) const {
  const auto *member = e ? dyn_cast<CXXMemberCallExpr>(stripped(e)) : nullptr;
  const CXXMethodDecl *method = member ? member->getMethodDecl() : nullptr;
  if (!method || member->getNumArgs() != 0 || !isIntegerHandle(method->getReturnType()))
    return {};
  std::string object = keyOf(member->getImplicitObjectArgument());
  return object.rfind("call:", 0) == 0 ? std::string() : object;
}

DescriptorNames::DescriptorNames(const FunctionDecl *fn, const ParentMap &parents) : fn_(fn), parents_(parents) {}
DescriptorNames::~DescriptorNames() = default;

void DescriptorNames::addMemberInit(const CXXCtorInitializer *init) {
  if (!init->isMemberInitializer() || !init->getInit())
    return;
  Stmt *value = const_cast<Expr *>(init->getInit());
  if (!initParents_)
    initParents_ = std::make_unique<ParentMap>(value);
  else
    initParents_->addStmt(value);
  initDestinations_[value] = "m:" + usrOf(init->getMember());
}

const Stmt *DescriptorNames::parentOf(const Stmt *s) const {
  if (const Stmt *parent = parents_.getParent(s))
    return parent;
  return initParents_ ? initParents_->getParent(s) : nullptr;
}

std::string DescriptorNames::destinationOf(const CallExpr *call) const {
  const Stmt *s = call;
  const Stmt *parent = parentOf(s);
  while (parent && (isa<ImplicitCastExpr>(parent) || isa<ParenExpr>(parent) || isa<ExprWithCleanups>(parent) ||
                    isa<MaterializeTemporaryExpr>(parent) || isa<CXXBindTemporaryExpr>(parent) ||
                    (isa<CXXConstructExpr>(parent) && cast<CXXConstructExpr>(parent)->getNumArgs() == 1))) {
    s = parent;
    parent = parentOf(s);
  }
  if (!parent) {
    // The whole initialiser of a data member: `fd_(make_socket())`.
    auto it = initDestinations_.find(s);
    return it != initDestinations_.end() ? it->second : std::string();
  }
  if (const auto *bin = dyn_cast<BinaryOperator>(parent); bin && bin->getOpcode() == BO_Assign && bin->getRHS() == s)
    return keyOf(bin->getLHS());
  if (const auto *decl = dyn_cast<DeclStmt>(parent))
    for (const Decl *d : decl->decls())
      if (const auto *var = dyn_cast<VarDecl>(d); var && var->getInit() == s)
        return "v:" + usrOf(var);
  if (isa<ReturnStmt>(parent))
    return "ret:" + usrOf(fn_);
  return {};
}

void DescriptorNames::recordCall(const CallExpr *call, const std::string &name,
                                 const std::vector<std::string> &argFlags) {
  auto arg = [&](unsigned i) { return i < call->getNumArgs() ? call->getArg(i) : nullptr; };
  for (const Creator &creator : kCreators)
    if (name == creator.name) {
      if (has(argFlags, creator.flag) || has(argFlags, "O_NONBLOCK"))
        if (std::string to = destinationOf(call); !to.empty())
          nonblocking_.insert(to);
      return;
    }
  if (name == "pipe2" || name == "socketpair") {
    // pipe2(fds, O_NONBLOCK), socketpair(domain, type | SOCK_NONBLOCK, protocol, fds): both ends.
    const Expr *fdsArg = arg(name == "pipe2" ? 0 : 3);
    if (has(argFlags, "O_NONBLOCK") || has(argFlags, "SOCK_NONBLOCK"))
      if (std::string fds = keyOf(fdsArg); !fds.empty())
        nonblocking_.insert(fds + "[]");
    return;
  }
  if (name == "ioctl") {
    if (has(argFlags, "FIONBIO"))
      if (std::string fd = keyOf(arg(0)); !fd.empty())
        nonblocking_.insert(fd);
    return;
  }
  if (name == "fcntl" && has(argFlags, "F_SETFL")) {
    std::string fd = keyOf(arg(0));
    if (fd.empty())
      return;
    if (has(argFlags, "O_NONBLOCK"))
      nonblocking_.insert(fd);
    else
      pendingFcntl_.push_back(fd); // fcntl(fd, F_SETFL, flags) with flags |= O_NONBLOCK before
  }
}

std::vector<std::string> DescriptorNames::finish(const std::set<std::string> &bodyFlags) {
  if (bodyFlags.count("O_NONBLOCK"))
    nonblocking_.insert(pendingFcntl_.begin(), pendingFcntl_.end());
  return {nonblocking_.begin(), nonblocking_.end()};
}

} // namespace concur
