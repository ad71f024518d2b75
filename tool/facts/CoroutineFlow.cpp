#include "facts/CoroutineFlow.h"

#include "catalog/Catalog.h"
#include "facts/Arguments.h"
#include "facts/LockSets.h"
#include "facts/Names.h"
#include "facts/Values.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Analysis/CFG.h>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>

namespace concur {

using namespace clang;

namespace {

constexpr const char *kPool = "@pool";
std::string readyFact(const std::string &key) { return "ready:" + key; }

using Facts = std::set<std::string>;

/// The catalogue entry of a call's callee, with its object's types.
const ApiEntry *entryOf(const CallExpr *call, const Catalog &catalog) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee)
    return nullptr;
  std::vector<std::string> types;
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
    types = classAndBases(member->getImplicitObjectArgument());
  else if (call->getNumArgs())
    types = classAndBases(call->getArg(0));
  return catalog.lookup(normalizedName(callee), types);
}

/// The object of a member call, or the first argument of a free function.
const Expr *receiverOf(const CallExpr *call) {
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
    return member->getImplicitObjectArgument();
  return call->getNumArgs() ? call->getArg(0) : nullptr;
}

/// Named locations an expression mentions (lambda bodies aside).
void namedLocations(const Stmt *s, Facts &out) {
  if (!s || isa<LambdaExpr>(s))
    return;
  if (const auto *e = dyn_cast<Expr>(s)) {
    const Expr *plain = e->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(plain) && isa<VarDecl>(cast<DeclRefExpr>(plain)->getDecl()))
      out.insert(readyFact(locationKey(plain)));
    else if (const auto *member = dyn_cast<MemberExpr>(plain); member && isa<FieldDecl>(member->getMemberDecl()))
      out.insert(readyFact(locationKey(plain)));
  }
  for (const Stmt *child : s->children())
    namedLocations(child, out);
}

/// A timed wait on K compared with `ready` in `cond`: which branch (true:
/// the condition's true edge) knows K is ready, or none.
struct PollOutcome {
  std::string key;
  bool onTrueBranch = true;
};

bool isReadyEnumerator(const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
  return ref && isa<EnumConstantDecl>(ref->getDecl()) && ref->getDecl()->getName() == "ready";
}

std::optional<PollOutcome> pollIn(const Expr *cond, const Catalog &catalog, bool polarity = true) {
  cond = cond->IgnoreParenImpCasts();
  if (const auto *ewc = dyn_cast<ExprWithCleanups>(cond))
    return pollIn(ewc->getSubExpr(), catalog, polarity);
  if (const auto *unary = dyn_cast<UnaryOperator>(cond); unary && unary->getOpcode() == UO_LNot)
    return pollIn(unary->getSubExpr(), catalog, !polarity);
  const Expr *lhs = nullptr, *rhs = nullptr;
  bool equal = true;
  if (const auto *bin = dyn_cast<BinaryOperator>(cond); bin && bin->isEqualityOp()) {
    lhs = bin->getLHS(), rhs = bin->getRHS(), equal = bin->getOpcode() == BO_EQ;
  } else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(cond);
             op && (op->getOperator() == OO_EqualEqual || op->getOperator() == OO_ExclaimEqual) &&
             op->getNumArgs() == 2) {
    lhs = op->getArg(0), rhs = op->getArg(1), equal = op->getOperator() == OO_EqualEqual;
  } else {
    return std::nullopt;
  }
  if (isReadyEnumerator(lhs))
    std::swap(lhs, rhs);
  if (!isReadyEnumerator(rhs))
    return std::nullopt;
  const auto *call = dyn_cast<CallExpr>(lhs->IgnoreImplicit()->IgnoreParenImpCasts());
  const ApiEntry *entry = call ? entryOf(call, catalog) : nullptr;
  const Expr *receiver = call ? receiverOf(call) : nullptr;
  if (!entry || !entry->has(EffectWait) || !receiver)
    return std::nullopt;
  return PollOutcome{readyFact(locationKey(receiver)), equal == polarity};
}

/// The location an assignment or a declaration gives a new value.
std::optional<std::string> assignedLocation(const Stmt *s) {
  if (const auto *bin = dyn_cast<BinaryOperator>(s); bin && bin->isAssignmentOp())
    return readyFact(locationKey(bin->getLHS()));
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->isAssignmentOp() && op->getNumArgs())
    return readyFact(locationKey(op->getArg(0)));
  if (const auto *decl = dyn_cast<DeclStmt>(s); decl && decl->isSingleDecl())
    if (isa<VarDecl>(decl->getSingleDecl()))
      return readyFact("v:" + usrOf(decl->getSingleDecl()));
  return std::nullopt;
}

/// The statement stores the value of a co_await: `auto v = co_await x;`,
/// `v = co_await x;`.
bool holdsAwaitResult(const Stmt *s) {
  const Expr *value = nullptr;
  if (const auto *bin = dyn_cast<BinaryOperator>(s); bin && bin->getOpcode() == BO_Assign)
    value = bin->getRHS();
  else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getOperator() == OO_Equal && op->getNumArgs() == 2)
    value = op->getArg(1);
  else if (const auto *decl = dyn_cast<DeclStmt>(s); decl && decl->isSingleDecl())
    if (const auto *var = dyn_cast<VarDecl>(decl->getSingleDecl()))
      value = var->getInit();
  while (value) {
    value = value->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(value); construct && construct->getNumArgs() == 1)
      value = construct->getArg(0);
    else
      break;
  }
  return value && isa<CoawaitExpr>(value);
}

/// `auto &part = whole.results[i];` where `whole` is ready in `state`.
bool refersToReady(const Stmt *s, const Facts &state) {
  const auto *decl = dyn_cast<DeclStmt>(s);
  const auto *var = decl && decl->isSingleDecl() ? dyn_cast<VarDecl>(decl->getSingleDecl()) : nullptr;
  if (!var || !var->getType()->isReferenceType() || !var->getInit())
    return false;
  std::string whole = readyKeyOf(var->getInit());
  return !whole.empty() && state.count(readyFact(whole));
}

Facts meet(const Facts &a, const Facts &b) {
  Facts both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.begin()));
  return both;
}

} // namespace

struct CoroutineFlow::Impl {
  ASTContext &ctx;
  const Catalog &catalog;
  std::unordered_map<const Stmt *, Facts> atStmt;

  Impl(ASTContext &c, const Catalog &cat) : ctx(c), catalog(cat) {}

  void transfer(const Stmt *s, Facts &state) {
    if (const auto *suspend = dyn_cast<CoroutineSuspendExpr>(s)) {
      const Expr *operand = suspend->getOperand();
      if (!operand)
        return;
      if (const auto *call = dyn_cast<CallExpr>(operand->IgnoreImplicit()->IgnoreParenImpCasts()))
        if (const ApiEntry *entry = entryOf(call, catalog)) {
          if (entry->has(EffectResumeOnPool))
            state.insert(kPool);
          else if (entry->has(EffectResumeOnLoop))
            state.erase(kPool);
        }
      namedLocations(operand, state);
      return;
    }
    if (auto assigned = assignedLocation(s)) {
      state.erase(*assigned);
      // auto done = co_await r.resolve(); the value of a co_await has completed,
      // and so has a reference to part of a ready object (auto &r = all.results[i]).
      if (holdsAwaitResult(s) || refersToReady(s, state))
        state.insert(*assigned);
    }
  }

  void run(const Stmt *body, const Facts &initial) {
    CFG::BuildOptions options;
    options.setAllAlwaysAdd();
    std::unique_ptr<CFG> cfg = CFG::buildCFG(nullptr, const_cast<Stmt *>(body), &ctx, options);
    if (!cfg)
      return;
    const unsigned n = cfg->getNumBlockIDs();
    std::vector<Facts> out(n);
    std::vector<bool> reached(n, false), queued(n, false);
    // Facts a block's terminator adds on its true (0) or false (1) edge.
    std::vector<std::optional<PollOutcome>> polls(n);
    for (const CFGBlock *block : *cfg)
      if (const Stmt *cond = block->getTerminatorCondition())
        if (const auto *e = dyn_cast<Expr>(cond))
          polls[block->getBlockID()] = pollIn(e, catalog);
    std::deque<const CFGBlock *> work{&cfg->getEntry()};
    queued[cfg->getEntry().getBlockID()] = true;
    unsigned budget = 50 * n + 100; // must-sets only shrink after the first visit
    while (!work.empty() && budget--) {
      const CFGBlock *block = work.front();
      work.pop_front();
      queued[block->getBlockID()] = false;
      Facts state = block == &cfg->getEntry() ? initial : entryState(*block, out, reached, polls);
      for (const CFGElement &element : *block)
        if (auto stmt = element.getAs<CFGStmt>()) {
          const Stmt *s = stmt->getStmt();
          if (isa<CallExpr>(s) || isa<CXXConstructExpr>(s)) // std::ifstream in(path) is a call too
            atStmt[s] = state;
          transfer(s, state);
        }
      if (const Stmt *term = block->getTerminatorStmt())
        atStmt[term] = state; // a loop's statement: the state as it tests its condition
      const unsigned id = block->getBlockID();
      bool changed = !reached[id] || out[id] != state;
      reached[id] = true;
      out[id] = std::move(state);
      if (!changed)
        continue;
      for (const auto &succ : block->succs())
        if (succ && !queued[succ->getBlockID()]) {
          queued[succ->getBlockID()] = true;
          work.push_back(succ);
        }
    }
  }

  /// The meet over the reached predecessors, each with the fact its branch
  /// condition adds on the edge to `block`.
  Facts entryState(const CFGBlock &block, const std::vector<Facts> &out, const std::vector<bool> &reached,
                   const std::vector<std::optional<PollOutcome>> &polls) const {
    Facts state;
    bool first = true;
    for (const CFGBlock *pred : block.preds()) {
      if (!pred || !reached[pred->getBlockID()])
        continue;
      Facts in = out[pred->getBlockID()];
      if (const auto &poll = polls[pred->getBlockID()]; poll && pred->succ_size() == 2) {
        const CFGBlock *trueSucc = *pred->succ_begin();
        if ((trueSucc == &block) == poll->onTrueBranch)
          in.insert(poll->key);
      }
      state = first ? std::move(in) : meet(state, in);
      first = false;
    }
    return state;
  }
};

CoroutineFlow::CoroutineFlow(const CoroutineBodyStmt *coroutine, ASTContext &ctx, const Catalog &catalog)
    : impl_(std::make_unique<Impl>(ctx, catalog)) {
  // co_await promise.initial_suspend() runs before the body: a promise whose
  // awaiter reschedules the coroutine onto an executor starts it there.
  Facts initial;
  if (const auto *init = dyn_cast_or_null<Expr>(coroutine->getInitSuspendStmt()))
    if (const auto *suspend = dyn_cast<CoroutineSuspendExpr>(init->IgnoreImplicit()))
      impl_->transfer(suspend, initial);
  impl_->run(coroutine->getBody(), initial);
}

CoroutineFlow::~CoroutineFlow() = default;

bool CoroutineFlow::onPool(const Stmt *call) const {
  auto it = impl_->atStmt.find(call);
  return it != impl_->atStmt.end() && it->second.count(kPool);
}

bool CoroutineFlow::ready(const Stmt *call, const std::string &key) const {
  auto it = impl_->atStmt.find(call);
  return it != impl_->atStmt.end() && it->second.count(readyFact(key));
}

} // namespace concur
