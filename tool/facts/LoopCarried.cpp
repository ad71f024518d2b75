#include "facts/LoopCarried.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/StmtCXX.h>

#include <map>
#include <set>

namespace concur {

using namespace clang;

namespace {

/// How the loop body uses one variable (or data member) declared outside it.
struct Uses {
  bool read = false;
  bool write = false;
  bool append = false;      // push_back / emplace_back on a standard container
  bool atIndexOnly = true;  // every use is an element at the loop's own index
};

/// The variable or `this` member an expression names, or null.
const ValueDecl *named(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    return dyn_cast<VarDecl>(ref->getDecl());
  if (const auto *member = dyn_cast<MemberExpr>(e))
    if (isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(member->getMemberDecl());
  return nullptr;
}

bool nonConstReferenceOrPointer(QualType type) {
  if (type->isReferenceType() || type->isPointerType())
    return !type->getPointeeType().isConstQualified();
  return false;
}

bool isAppend(const CXXMethodDecl *method) {
  const IdentifierInfo *id = method->getIdentifier();
  const auto *ns = dyn_cast<NamespaceDecl>(method->getParent()->getEnclosingNamespaceContext());
  return id && ns && ns->isStdNamespace() && (id->getName() == "push_back" || id->getName() == "emplace_back");
}

/// Whether `arg`, an operand of the call or construction `p`, is bound to
/// a non-const reference or pointer (or to a callee nobody knows).
bool passedForChange(const Stmt *p, const Expr *arg) {
  const FunctionDecl *callee = nullptr;
  llvm::ArrayRef<const Expr *> args;
  if (const auto *call = dyn_cast<CallExpr>(p)) {
    callee = call->getDirectCallee();
    args = {call->getArgs(), call->getNumArgs()};
  } else if (const auto *construct = dyn_cast<CXXConstructExpr>(p)) {
    callee = construct->getConstructor();
    args = {construct->getArgs(), construct->getNumArgs()};
  } else {
    return false;
  }
  // An operator that is a method takes its object as argument 0.
  const unsigned shift = isa<CXXOperatorCallExpr>(p) && isa_and_nonnull<CXXMethodDecl>(callee) ? 1 : 0;
  for (unsigned k = 0; k < args.size(); ++k) {
    if (args[k] != arg)
      continue;
    if (!callee)
      return true;
    if (k < shift || k - shift >= callee->getNumParams())
      return false; // a variadic argument is passed by value
    return nonConstReferenceOrPointer(callee->getParamDecl(k - shift)->getType());
  }
  return false;
}

class LoopScan {
public:
  LoopScan(const Stmt *loop, ASTContext &ctx) : loop_(loop), parents_(const_cast<Stmt *>(loop)) {
    (void)ctx;
    collectParts();
    for (const Stmt *part : parts_)
      declare(part);
    for (const Stmt *part : parts_) {
      inIncrement_ = increment_ && part == increment_;
      scan(part, 0);
    }
    taint();
  }

  Loop::Form form() const;
  bool earlyExit() const { return exits_; }
  bool sharedWrites() const;
  bool carriedInput(const Expr *call) const;
  std::vector<int> outerArgs(const Expr *call) const;

private:
  void collectParts();
  void declare(const Stmt *s);
  void scan(const Stmt *s, int nested);
  void classify(const Expr *ref, const ValueDecl *decl);
  /// The first subscript of a use decides its element: `rows[i][j]` is in
  /// row i, whatever j is.
  void subscript(const Expr *index, bool &subscripted, bool &atIndex) const {
    if (subscripted)
      return;
    subscripted = true;
    const ValueDecl *i = named(index);
    atIndex = i && index_.count(i);
  }
  bool outside(const ValueDecl *decl) const { return decl && !inside_.count(decl) && !index_.count(decl); }
  bool isPrivate(const Uses &u) const { return u.atIndexOnly && !index_.empty(); }
  bool mentionsTainted(const Stmt *s) const;
  void taint();

  const Stmt *loop_;
  ParentMap parents_;
  std::vector<const Stmt *> parts_; // what runs every iteration: condition, increment, body
  std::set<const Decl *> inside_;   // declared in those parts
  std::set<const Decl *> index_;    // a for-loop's own variables (its init)
  std::map<const ValueDecl *, Uses> uses_;
  std::set<const ValueDecl *> tainted_; // hold a value an earlier iteration wrote
  std::vector<std::pair<const ValueDecl *, const Expr *>> flows_; // inside variable <- expression
  const Stmt *increment_ = nullptr; // a for-loop's increment, where its index changes
  bool inIncrement_ = false;
  bool exits_ = false;
  bool lambdaByReference_ = false;
};

void LoopScan::collectParts() {
  if (const auto *f = dyn_cast<ForStmt>(loop_)) {
    if (const auto *init = dyn_cast_or_null<DeclStmt>(f->getInit()))
      for (const Decl *d : init->decls())
        index_.insert(d);
    parts_ = {f->getCond(), f->getInc(), f->getBody()};
    increment_ = f->getInc();
  } else if (const auto *r = dyn_cast<CXXForRangeStmt>(loop_)) {
    inside_.insert(r->getLoopVariable());
    parts_ = {r->getBody()};
  } else if (const auto *w = dyn_cast<WhileStmt>(loop_)) {
    parts_ = {w->getCond(), w->getBody()};
  } else if (const auto *d = dyn_cast<DoStmt>(loop_)) {
    parts_ = {d->getBody(), d->getCond()};
  }
  std::erase(parts_, nullptr);
}

void LoopScan::declare(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return;
  if (const auto *decls = dyn_cast<DeclStmt>(s))
    for (const Decl *d : decls->decls())
      if (const auto *var = dyn_cast<VarDecl>(d)) {
        inside_.insert(var);
        if (var->getInit())
          flows_.push_back({var, var->getInit()});
      }
  for (const Stmt *child : s->children())
    declare(child);
}

/// `nested`: inside a nested loop or switch, where `break` leaves that one.
void LoopScan::scan(const Stmt *s, int nested) {
  if (!s)
    return;
  if (const auto *lambda = dyn_cast<LambdaExpr>(s)) {
    for (const LambdaCapture &capture : lambda->captures())
      if (capture.capturesVariable())
        if (const auto *var = dyn_cast<VarDecl>(capture.getCapturedVar()); outside(var)) {
          Uses &u = uses_[var];
          u.read = true;
          u.atIndexOnly = false;
          if (capture.getCaptureKind() == LCK_ByRef) {
            u.write = true;
            lambdaByReference_ = true;
          }
        }
    for (const LambdaCapture &capture : lambda->captures())
      if (capture.capturesThis())
        lambdaByReference_ = true; // the object's members, shared
    return;
  }
  if (isa<BreakStmt>(s) && nested == 0)
    exits_ = true;
  if (isa<ReturnStmt>(s) || isa<GotoStmt>(s) || isa<CXXThrowExpr>(s) || isa<CoreturnStmt>(s))
    exits_ = true;
  if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); outside(var) || index_.count(var))
      classify(ref, var);
  } else if (const auto *member = dyn_cast<MemberExpr>(s);
             member && isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())) {
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      classify(member, field);
  }
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->isAssignmentOp())
    if (const ValueDecl *target = named(assign->getLHS()); target && inside_.count(target))
      flows_.push_back({target, assign->getRHS()});
  const bool inner = isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s) ||
                     isa<SwitchStmt>(s);
  for (const Stmt *child : s->children())
    scan(child, nested + (inner ? 1 : 0));
}

/// Walks up from a use of `decl` to what is done with it: read, written,
/// appended to, or passed where it may be changed.
void LoopScan::classify(const Expr *ref, const ValueDecl *decl) {
  if (inIncrement_ && index_.count(decl))
    return; // the for-loop's own step
  Uses u = uses_[decl];
  bool read = false, write = false, append = false, atIndex = false, subscripted = false;
  const Expr *e = ref;
  for (const Stmt *p = parents_.getParent(e); p; e = cast<Expr>(p), p = parents_.getParent(e)) {
    if (isa<ParenExpr>(p) || isa<MaterializeTemporaryExpr>(p))
      continue;
    if (const auto *cast = dyn_cast<ImplicitCastExpr>(p)) {
      if (cast->getCastKind() != CK_LValueToRValue)
        continue;
      // A pointer read to reach its elements: the use is of the elements.
      const Stmt *next = parents_.getParentIgnoreParenImpCasts(const_cast<Stmt *>(p));
      const auto *sub = dyn_cast_or_null<ArraySubscriptExpr>(next);
      const auto *deref = dyn_cast_or_null<UnaryOperator>(next);
      // `live->insert(x)` likewise: the use is of what it points to.
      const auto *arrow = dyn_cast_or_null<MemberExpr>(next);
      if (cast->getType()->isPointerType() && ((sub && sub->getBase()->IgnoreParenImpCasts() == e->IgnoreParenImpCasts()) ||
                                              (deref && deref->getOpcode() == UO_Deref) || (arrow && arrow->isArrow())))
        continue;
      read = true;
      break;
    }
    if (const auto *sub = dyn_cast<ArraySubscriptExpr>(p)) {
      if (sub->getBase() != e) {
        read = true; // used as an index
        break;
      }
      subscript(sub->getIdx(), subscripted, atIndex);
      continue;
    }
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(p);
        op && op->getNumArgs() > 0 && op->getArg(0) == e && isa_and_nonnull<CXXMethodDecl>(op->getDirectCallee())) {
      if (op->getOperator() == OO_Subscript && op->getNumArgs() == 2) {
        subscript(op->getArg(1), subscripted, atIndex);
        continue;
      }
      write = op->isAssignmentOp() || !cast<CXXMethodDecl>(op->getDirectCallee())->isConst();
      read = op->getOperator() != OO_Equal;
      break;
    }
    if (isa<MemberExpr>(p)) {
      const auto *call = dyn_cast_or_null<CXXMemberCallExpr>(parents_.getParentIgnoreParens(const_cast<Stmt *>(p)));
      const auto *method = call ? call->getMethodDecl() : nullptr;
      if (!method)
        continue; // a data member of the object: its use is the object's
      append = !method->isConst() && isAppend(method);
      write = !method->isConst() && !append;
      read = !append;
      break;
    }
    if (const auto *unary = dyn_cast<UnaryOperator>(p)) {
      if (unary->isIncrementDecrementOp()) {
        read = write = true;
        break;
      }
      if (unary->getOpcode() == UO_AddrOf || unary->getOpcode() == UO_Deref)
        continue;
    }
    if (const auto *binary = dyn_cast<BinaryOperator>(p); binary && binary->isAssignmentOp() && binary->getLHS() == e) {
      write = true;
      read = binary->isCompoundAssignmentOp();
      break;
    }
    read = true;
    write = passedForChange(p, e);
    break;
  }
  if (!read && !write && !append)
    read = true; // reached the top of the loop: the value is used
  u.read |= read;
  u.write |= write;
  u.append |= append;
  u.atIndexOnly &= atIndex;
  uses_[decl] = u;
}

bool LoopScan::mentionsTainted(const Stmt *s) const {
  if (!s)
    return false;
  if (const auto *e = dyn_cast<Expr>(s))
    if (const ValueDecl *d = named(e); d && tainted_.count(d))
      return true;
  if (isa<LambdaExpr>(s))
    return false;
  for (const Stmt *child : s->children())
    if (mentionsTainted(child))
      return true;
  return false;
}

/// A variable outside the loop that the body both changes and reads carries
/// a value from one iteration to the next; so does every variable of the
/// body computed from it.
void LoopScan::taint() {
  for (const auto &[decl, u] : uses_)
    if (!index_.count(decl) && !isPrivate(u) && (u.write || u.append) && u.read)
      tainted_.insert(decl);
  for (bool grew = !tainted_.empty(); grew;) {
    grew = false;
    for (const auto &[target, source] : flows_)
      if (!tainted_.count(target) && mentionsTainted(source))
        grew = tainted_.insert(target).second;
  }
}

Loop::Form LoopScan::form() const {
  auto unchanged = [&](const Stmt *s) {
    std::vector<const Stmt *> stack{s};
    while (!stack.empty()) {
      const Stmt *top = stack.back();
      stack.pop_back();
      if (!top)
        continue;
      if (const auto *e = dyn_cast<Expr>(top))
        if (const ValueDecl *d = named(e); d && !index_.count(d)) {
          auto it = uses_.find(d);
          if (it != uses_.end() && (it->second.write || it->second.append))
            return false;
        }
      for (const Stmt *child : top->children())
        stack.push_back(child);
    }
    return true;
  };
  if (const auto *f = dyn_cast<ForStmt>(loop_)) {
    if (index_.size() != 1 || !f->getCond() || !f->getInc() || !unchanged(f->getCond()))
      return Loop::Form::Other;
    // The index changes in the increment only.
    const ValueDecl *index = dyn_cast<ValueDecl>(*index_.begin());
    auto it = uses_.find(index);
    const bool changedInBody = it != uses_.end() && it->second.write;
    return changedInBody ? Loop::Form::Other : Loop::Form::Counted;
  }
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop_))
    return unchanged(r->getRangeInit()) ? Loop::Form::Range : Loop::Form::Other;
  return Loop::Form::Other;
}

bool LoopScan::sharedWrites() const {
  if (lambdaByReference_)
    return true;
  for (const auto &[decl, u] : uses_)
    if (!index_.count(decl) && !isPrivate(u) && (u.write || u.append))
      return true;
  return false;
}

/// The object of a member call and the arguments, as CallSite numbers them.
std::vector<std::pair<int, const Expr *>> operands(const Expr *call) {
  std::vector<std::pair<int, const Expr *>> out;
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
    out.push_back({-1, member->getImplicitObjectArgument()});
  llvm::ArrayRef<const Expr *> args;
  unsigned first = 0;
  if (const auto *c = dyn_cast<CallExpr>(call)) {
    args = {c->getArgs(), c->getNumArgs()};
    if (isa<CXXOperatorCallExpr>(c) && isa_and_nonnull<CXXMethodDecl>(c->getDirectCallee()) && !args.empty()) {
      out.push_back({-1, args.front()});
      first = 1;
    }
  } else if (const auto *construct = dyn_cast<CXXConstructExpr>(call)) {
    args = {construct->getArgs(), construct->getNumArgs()};
  }
  for (unsigned k = first; k < args.size(); ++k)
    out.push_back({int(k - first), args[k]});
  return out;
}

bool LoopScan::carriedInput(const Expr *call) const {
  for (const auto &[index, operand] : operands(call))
    if (operand && mentionsTainted(operand))
      return true;
  return false;
}

std::vector<int> LoopScan::outerArgs(const Expr *call) const {
  std::vector<int> out;
  for (const auto &[index, operand] : operands(call)) {
    if (!operand)
      continue;
    // `&buf`, `*p`, `conn.fd`: the variable the operand reaches.
    const Expr *e = operand->IgnoreParenImpCasts();
    for (;;) {
      if (const auto *u = dyn_cast<UnaryOperator>(e); u && (u->getOpcode() == UO_AddrOf || u->getOpcode() == UO_Deref))
        e = u->getSubExpr()->IgnoreParenImpCasts();
      else if (const auto *m = dyn_cast<MemberExpr>(e); m && !isa<CXXThisExpr>(m->getBase()->IgnoreParenImpCasts()))
        e = m->getBase()->IgnoreParenImpCasts();
      else
        break;
    }
    // `Put(k, v)` on this: every iteration's call runs on the same object
    // (a database, a repairer), whose state orders them.
    if (isa<CXXThisExpr>(e) || outside(named(e)))
      out.push_back(index);
  }
  return out;
}

} // namespace

void addLoopCarriedFacts(const std::vector<const Stmt *> &loops, const std::vector<const Expr *> &calls,
                         ASTContext &ctx, FunctionFacts &facts) {
  for (size_t l = 0; l < loops.size() && l < facts.loops.size(); ++l) {
    if (!loops[l])
      continue;
    const LoopScan scan(loops[l], ctx);
    Loop &loop = facts.loops[l];
    loop.form = scan.form();
    loop.earlyExit = scan.earlyExit();
    loop.sharedWrites = scan.sharedWrites();
    for (size_t c = 0; c < calls.size() && c < facts.calls.size(); ++c) {
      if (!calls[c] || facts.calls[c].loop != int(l))
        continue;
      facts.calls[c].carriedInput = scan.carriedInput(calls[c]);
      facts.calls[c].outerArgs = scan.outerArgs(calls[c]);
    }
  }
}

} // namespace concur
