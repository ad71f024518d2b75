#include "facts/PoolStarts.h"

#include "facts/Arguments.h"
#include "facts/Descriptors.h"
#include "facts/Names.h"

#include <clang/AST/Decl.h>
#include <clang/AST/ExprCXX.h>

namespace concur {

using namespace clang;

namespace {

/// What an argument of a starter is, through moves, copies and `.handle()`.
const Expr *taskOf(const Expr *arg) {
  // t.handle(), and the conversion of its coroutine_handle<P> to coroutine_handle<>.
  while (true) {
    arg = handedOn(arg);
    const auto *member = dyn_cast<CXXMemberCallExpr>(arg);
    if (!member || member->getNumArgs() != 0)
      return arg;
    arg = member->getImplicitObjectArgument();
  }
}

} // namespace

void PoolStarts::recordStarter(const CallExpr *starter) {
  for (const Expr *arg : starter->arguments()) {
    const Expr *task = taskOf(arg);
    if (isa<CallExpr>(task))
      calls_.insert(task);
    else if (const auto *ref = dyn_cast<DeclRefExpr>(task))
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isLocalVarDecl())
        variables_.insert("v:" + usrOf(var));
  }
}

bool PoolStarts::started(const CallExpr *created, const DescriptorNames &names) const {
  if (calls_.count(created))
    return true;
  if (variables_.empty())
    return false;
  std::string to = names.destinationOf(created);
  return !to.empty() && variables_.count(to);
}

} // namespace concur
