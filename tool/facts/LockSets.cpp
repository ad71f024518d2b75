#include "facts/LockSets.h"

#include "catalog/Catalog.h"
#include "facts/Names.h"
#include "facts/UserLocks.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/Analysis/CFG.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <deque>
#include <optional>

namespace concur {

using namespace clang;

std::string locationKey(const Expr *expr) {
  expr = expr->IgnoreParenImpCasts();
  if (const auto *unary = dyn_cast<UnaryOperator>(expr))
    if (unary->getOpcode() == UO_AddrOf || unary->getOpcode() == UO_Deref)
      return locationKey(unary->getSubExpr());
  if (const auto *ref = dyn_cast<DeclRefExpr>(expr))
    return "v:" + usrOf(ref->getDecl());
  if (const auto *member = dyn_cast<MemberExpr>(expr)) {
    const Expr *base = member->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(base))
      return "m:" + usrOf(member->getMemberDecl());
    return locationKey(base) + "." + member->getMemberDecl()->getNameAsString();
  }
  if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(expr))
    return locationKey(subscript->getBase()) + "[]";
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(expr))
    if (op->getNumArgs() >= 1 && (op->getOperator() == OO_Star || op->getOperator() == OO_Arrow))
      return locationKey(op->getArg(0));
  // Not a named location: identify it by where it is written (stable per TU).
  return "expr:" + std::to_string(expr->getBeginLoc().getRawEncoding());
}

namespace {

/// One lock operation recognised at a CFG element.
struct LockOp {
  enum Kind { Acquire, Release } kind;
  std::vector<std::string> keys;
  /// A helper's net effect can also release other mutexes (a call of
  /// `switch_lock()` that unlocks one and locks another).
  std::vector<std::string> alsoReleases;
  std::vector<const Expr *> written; // the mutexes as the code names them here
};

/// A guard object of the body: the mutexes it owns, as keys and as written.
struct Guard {
  std::vector<std::string> keys;
  std::vector<const Expr *> written;
};

/// What a guard's construction does: the mutexes it is given, and whether
/// it locks them now (not with defer_lock, try_to_lock or adopt_lock).
struct GuardShape {
  std::vector<const Expr *> mutexes;
  bool locksNow = true;
};

/// What a helper function of the TU leaves locked or unlocked when it
/// returns: its unbalanced lock()/unlock() calls on mutexes the caller can
/// name (globals, data members). RAII guards in it are balanced.
struct HelperEffect {
  std::vector<std::string> acquires, releases;
  const Expr *mutex = nullptr; // the first mutex it locks, as written there
};

} // namespace

struct LockSetAnalysis::Impl {
  ASTContext &ctx;
  const Catalog &catalog;
  std::unique_ptr<CFG> cfg;
  std::unique_ptr<ParentMap> parents;
  std::unordered_map<const Stmt *, LocksAtPoint> atStmt;
  // Guards (RAII lock objects) declared in this body and the mutexes they own.
  std::map<const VarDecl *, Guard> guards;
  std::map<const Stmt *, std::vector<std::string>> acquired;
  std::map<const Stmt *, std::vector<const Expr *>> acquiredWritten;
  // Helpers' net effects, computed once per helper (null while in progress: recursion).
  std::map<const FunctionDecl *, std::optional<HelperEffect>> helpers;
  UserGuards userGuards;

  Impl(ASTContext &c, const Catalog &cat) : ctx(c), catalog(cat), userGuards(cat) {}

  /// Only names that mean the same mutex in the caller.
  static bool callerVisible(const std::string &key, const Expr *mutex) {
    if (key.rfind("m:", 0) == 0)
      return true;
    const Expr *e = mutex->IgnoreParenImpCasts();
    if (const auto *unary = dyn_cast<UnaryOperator>(e); unary && unary->getOpcode() == UO_AddrOf)
      e = unary->getSubExpr()->IgnoreParenImpCasts();
    const auto *ref = dyn_cast<DeclRefExpr>(e);
    const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    return var && var->hasGlobalStorage();
  }

  const HelperEffect *helperEffect(const FunctionDecl *callee, int depth) {
    const FunctionDecl *def = callee ? callee->getDefinition() : nullptr;
    if (!def || !def->hasBody() || depth > 3 || ctx.getSourceManager().isInSystemHeader(def->getLocation()))
      return nullptr;
    auto [it, inserted] = helpers.try_emplace(def);
    if (!inserted)
      return it->second ? &*it->second : nullptr;
    std::map<std::string, int> net; // +1 per lock(), -1 per unlock()
    const Expr *mutex = nullptr;
    std::vector<const Stmt *> stack{def->getBody()};
    while (!stack.empty()) {
      const Stmt *s = stack.back();
      stack.pop_back();
      if (!s || isa<LambdaExpr>(s))
        continue;
      if (const auto *call = dyn_cast<CallExpr>(s)) {
        if (auto op = directLockOp(call, /*visibleOnly=*/true)) {
          for (const auto &key : op->keys)
            net[key] += op->kind == LockOp::Acquire ? 1 : -1;
          if (op->kind == LockOp::Acquire && !mutex)
            mutex = mutexExpression(call);
        } else if (const HelperEffect *inner = helperEffect(call->getDirectCallee(), depth + 1)) {
          for (const auto &key : inner->acquires)
            ++net[key];
          for (const auto &key : inner->releases)
            --net[key];
          if (!mutex && !inner->acquires.empty())
            mutex = inner->mutex;
        }
      }
      for (const Stmt *child : s->children())
        stack.push_back(child);
    }
    HelperEffect effect;
    effect.mutex = mutex;
    for (const auto &[key, balance] : net) {
      if (balance > 0)
        effect.acquires.push_back(key);
      else if (balance < 0)
        effect.releases.push_back(key);
    }
    std::optional<HelperEffect> &slot = helpers[def]; // std::map: the entry made above is still there
    slot = std::move(effect);
    return &*slot;
  }

  const ApiEntry *entryFor(const FunctionDecl *callee, const Expr *receiver) const {
    if (!callee)
      return nullptr;
    std::vector<std::string> types;
    if (receiver)
      types = classAndBases(receiver);
    return catalog.lookup(normalizedName(callee), types);
  }

  /// A catalogued guard (std::lock_guard: every non-tag argument unless the
  /// entry names one) or a guard class of the program (UserGuards).
  std::optional<GuardShape> guardOf(const CXXConstructExpr *construct) {
    GuardShape shape;
    const CXXConstructorDecl *ctor = construct->getConstructor();
    if (const ApiEntry *entry = entryFor(ctor, nullptr)) {
      if (!entry->has(EffectLock))
        return std::nullopt;
      for (unsigned i = 0; i < construct->getNumArgs(); ++i) {
        const Expr *arg = construct->getArg(i);
        if (isa<CXXDefaultArgExpr>(arg))
          continue;
        if (isTagArgument(arg, *entry))
          shape.locksNow = false;
        else if (entry->mutexArg < 0 || unsigned(entry->mutexArg) == i)
          shape.mutexes.push_back(arg);
      }
      return shape;
    }
    if (!ctor || ctx.getSourceManager().isInSystemHeader(ctor->getLocation()))
      return std::nullopt;
    for (unsigned param : userGuards.lockedParameters(ctor))
      if (param < construct->getNumArgs())
        shape.mutexes.push_back(construct->getArg(param));
    if (shape.mutexes.empty())
      return std::nullopt;
    return shape;
  }

  static std::vector<std::string> keysOf(const std::vector<const Expr *> &mutexes) {
    std::vector<std::string> keys;
    for (const Expr *mutex : mutexes)
      keys.push_back(locationKey(mutex));
    return keys;
  }

  void findGuards(const Stmt *body) {
    // A guard is a local variable made by a guard's constructor.
    std::vector<const Stmt *> stack{body};
    while (!stack.empty()) {
      const Stmt *s = stack.back();
      stack.pop_back();
      if (!s)
        continue;
      if (const auto *decl = dyn_cast<DeclStmt>(s)) {
        for (const Decl *d : decl->decls()) {
          const auto *var = dyn_cast<VarDecl>(d);
          const Expr *init = var ? var->getInit() : nullptr;
          const auto *construct = init ? dyn_cast<CXXConstructExpr>(init->IgnoreImplicit()) : nullptr;
          if (!construct)
            continue;
          if (auto shape = guardOf(construct))
            guards[var] = Guard{keysOf(shape->mutexes), shape->mutexes};
        }
      }
      if (isa<LambdaExpr>(s))
        continue;
      for (const Stmt *child : s->children())
        stack.push_back(child);
    }
  }

  const Guard *guardNamed(const Expr *e) const {
    e = e->IgnoreParenImpCasts();
    const auto *ref = dyn_cast<DeclRefExpr>(e);
    const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    auto it = var ? guards.find(var) : guards.end();
    return it == guards.end() ? nullptr : &it->second;
  }

  /// Keys a member call's object or a free function's mutex argument names;
  /// a guard object stands for the mutexes it owns.
  std::vector<std::string> mutexKeys(const Expr *mutexExpr) {
    const Expr *e = mutexExpr->IgnoreParenImpCasts();
    if (const auto *unary = dyn_cast<UnaryOperator>(e); unary && unary->getOpcode() == UO_AddrOf)
      e = unary->getSubExpr()->IgnoreParenImpCasts();
    if (const Guard *guard = guardNamed(e))
      return guard->keys;
    return {locationKey(mutexExpr)};
  }

  std::optional<LockOp> lockOpOf(const CFGElement &element) {
    if (auto dtor = element.getAs<CFGAutomaticObjDtor>()) {
      if (auto it = guards.find(dtor->getVarDecl()); it != guards.end())
        return LockOp{LockOp::Release, it->second.keys, {}, {}};
      return std::nullopt;
    }
    auto stmt = element.getAs<CFGStmt>();
    if (!stmt)
      return std::nullopt;
    const Stmt *s = stmt->getStmt();
    if (const auto *construct = dyn_cast<CXXConstructExpr>(s)) {
      auto shape = guardOf(construct);
      if (!shape || !shape->locksNow)
        return std::nullopt;
      return LockOp{LockOp::Acquire, keysOf(shape->mutexes), {}, shape->mutexes};
    }
    const auto *call = dyn_cast<CallExpr>(s);
    if (!call)
      return std::nullopt;
    // guard = std::unique_lock(other): the guard gives up what it owned.
    if (const auto *assign = dyn_cast<CXXOperatorCallExpr>(call);
        assign && assign->getOperator() == OO_Equal && assign->getNumArgs() == 2)
      if (const Guard *guard = guardNamed(assign->getArg(0)))
        return LockOp{LockOp::Release, guard->keys, {}, {}};
    if (auto op = directLockOp(call, /*visibleOnly=*/false))
      return op;
    // enter(); ... leave(); with the lock()/unlock() inside the helpers.
    const HelperEffect *helper = helperEffect(call->getDirectCallee(), 0);
    if (!helper || (helper->acquires.empty() && helper->releases.empty()))
      return std::nullopt;
    if (helper->acquires.empty())
      return LockOp{LockOp::Release, helper->releases, {}, {}};
    std::vector<const Expr *> written;
    if (helper->mutex)
      written.push_back(helper->mutex); // enter() locking `m`: the mutex as the helper writes it
    return LockOp{LockOp::Acquire, helper->acquires, helper->releases, written};
  }

  /// The mutex of a lock call: m.lock()'s object, pthread_mutex_lock(&m)'s argument.
  static const Expr *mutexExpression(const CallExpr *call) {
    if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
      return member->getImplicitObjectArgument();
    return call->getNumArgs() ? call->getArg(0) : nullptr;
  }

  /// A catalogued lock or unlock call (m.lock(), pthread_mutex_unlock(&m),
  /// std::lock(a, b)); with `visibleOnly`, only the mutexes a caller can name.
  std::optional<LockOp> directLockOp(const CallExpr *call, bool visibleOnly) {
    const FunctionDecl *callee = call->getDirectCallee();
    const Expr *object = objectOfCall(call);
    std::vector<const Expr *> mutexes;
    LockOp op{LockOp::Acquire, {}, {}, {}};
    if (const ApiEntry *entry = entryFor(callee, object ? object : (call->getNumArgs() ? call->getArg(0) : nullptr))) {
      if (!(entry->has(EffectLock) || entry->has(EffectUnlock)))
        return std::nullopt;
      // A try-lock acquires only on the branch that tests it (tryLockBranch).
      if (entry->has(EffectLock) && !entry->blocks())
        return std::nullopt;
      op.kind = entry->has(EffectLock) ? LockOp::Acquire : LockOp::Release;
      if (object)
        mutexes = {object};
      else if (entry->mutexArg >= 0 && unsigned(entry->mutexArg) < call->getNumArgs())
        mutexes = {call->getArg(entry->mutexArg)};
      else
        mutexes.assign(call->arg_begin(), call->arg_end()); // std::lock(a, b, ...)
    } else if (auto annotated = annotatedLockOp(callee, object, argumentsOfCall(call))) {
      // -Wthread-safety: Lock() ACQUIRE(), Unlock() RELEASE().
      if (annotated->kind == AnnotatedLockOp::TryAcquire)
        return std::nullopt;
      op.kind = annotated->kind == AnnotatedLockOp::Acquire ? LockOp::Acquire : LockOp::Release;
      mutexes = annotated->mutexes;
    } else {
      return std::nullopt;
    }
    for (const Expr *mutex : mutexes) {
      bool named = false;
      for (auto &k : mutexKeys(mutex))
        if (!visibleOnly || callerVisible(k, mutex)) {
          op.keys.push_back(k);
          named = true;
        }
      if (!named)
        continue;
      // lk.lock() on a guard: the guard's mutexes, as its construction names them.
      const Guard *guard = guardNamed(mutex);
      if (guard)
        op.written.insert(op.written.end(), guard->written.begin(), guard->written.end());
      else
        op.written.push_back(mutex);
    }
    if (op.keys.empty())
      return std::nullopt;
    return op;
  }

  static void apply(LocksAtPoint &state, const LockOp &op) {
    for (const auto &key : op.alsoReleases) {
      state.must.erase(key);
      state.may.erase(key);
    }
    for (const auto &key : op.keys) {
      if (op.kind == LockOp::Acquire) {
        state.must.insert(key);
        state.may.insert(key);
      } else {
        state.must.erase(key);
        state.may.erase(key);
      }
    }
  }

  /// A branch on a try-lock's result: `if (m.try_lock())`, `if (!m.try_lock())`,
  /// `if (!pthread_mutex_trylock(&m))`, an annotated `TryLock() TRY_ACQUIRE(true)`,
  /// or on a guard's ownership: `if (lk.owns_lock())`, `if (lk)`, also
  /// through a local bool that stores the result.
  /// `if (pthread_mutex_trylock(&m) == 0)` is not recognised. The keys are
  /// held on one edge; the call is where they are acquired.
  struct TryLockBranch {
    std::vector<std::string> keys;
    bool onTrueEdge = true;
    const CallExpr *call = nullptr;
    std::vector<const Expr *> written;
  };

  std::optional<TryLockBranch> tryLockBranch(const Expr *cond) {
    bool polarity = true;
    while (true) {
      cond = cond->IgnoreImplicit()->IgnoreParenImpCasts();
      if (const auto *ewc = dyn_cast<ExprWithCleanups>(cond))
        cond = ewc->getSubExpr();
      else if (const auto *neg = dyn_cast<UnaryOperator>(cond); neg && neg->getOpcode() == UO_LNot) {
        polarity = !polarity;
        cond = neg->getSubExpr();
      } else
        break;
    }
    // `bool locked = m.try_lock(); ... if (locked)`: the stored result.
    if (const auto *ref = dyn_cast<DeclRefExpr>(cond))
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl());
          var && var->isLocalVarDecl() && var->getType()->isBooleanType() && var->getInit())
        cond = var->getInit()->IgnoreParenImpCasts();
    const auto *call = dyn_cast<CallExpr>(cond);
    if (!call)
      return std::nullopt;
    const FunctionDecl *callee = call->getDirectCallee();
    const Expr *object = objectOfCall(call);
    // A guard owns its mutexes exactly when it says so.
    if (const Guard *guard = object ? guardNamed(object) : nullptr)
      if (isa_and_nonnull<CXXConversionDecl>(callee) ||
          (callee && callee->getIdentifier() && callee->getName() == "owns_lock"))
        return TryLockBranch{guard->keys, polarity, call, guard->written};
    const Expr *mutex = nullptr;
    bool acquiredWhenTrue = true;
    if (const ApiEntry *entry = entryFor(callee, object ? object : (call->getNumArgs() ? call->getArg(0) : nullptr))) {
      if (!entry->has(EffectLock) || entry->blocks())
        return std::nullopt; // not a try-lock
      mutex = object ? object
                     : (entry->mutexArg >= 0 && unsigned(entry->mutexArg) < call->getNumArgs()
                            ? call->getArg(entry->mutexArg)
                            : nullptr);
      // pthread_mutex_trylock returns 0 on success: `if (!pthread_mutex_trylock(&m))` holds it.
      acquiredWhenTrue = object != nullptr;
    } else if (auto annotated = annotatedLockOp(callee, object, argumentsOfCall(call));
               annotated && annotated->kind == AnnotatedLockOp::TryAcquire) {
      mutex = annotated->mutexes.front();
      acquiredWhenTrue = annotated->acquiredWhen;
    }
    if (!mutex)
      return std::nullopt;
    return TryLockBranch{mutexKeys(mutex), acquiredWhenTrue ? polarity : !polarity, call, {mutex}};
  }

  static void join(LocksAtPoint &into, const LocksAtPoint &from, bool first) {
    if (first) {
      into = from;
      return;
    }
    LockSet must;
    std::set_intersection(into.must.begin(), into.must.end(), from.must.begin(), from.must.end(),
                          std::inserter(must, must.begin()));
    into.must = std::move(must);
    into.may.insert(from.may.begin(), from.may.end());
  }

  void run(const Stmt *body) {
    CFG::BuildOptions options;
    options.setAllAlwaysAdd();
    options.AddImplicitDtors = true;
    options.AddTemporaryDtors = true;
    options.AddCXXDefaultInitExprInCtors = true;
    parents = std::make_unique<ParentMap>(const_cast<Stmt *>(body));
    cfg = CFG::buildCFG(nullptr, const_cast<Stmt *>(body), &ctx, options);
    if (!cfg)
      return;
    findGuards(body);
    // Cache each element's lock operation: the fixpoint visits blocks often.
    std::map<std::pair<unsigned, unsigned>, std::optional<LockOp>> ops;
    for (const CFGBlock *block : *cfg)
      for (unsigned i = 0; i < block->size(); ++i) {
        auto op = lockOpOf((*block)[i]);
        if (op && op->kind == LockOp::Acquire)
          if (auto s = (*block)[i].getAs<CFGStmt>()) {
            acquired[s->getStmt()] = op->keys;
            acquiredWritten[s->getStmt()] = op->written;
          }
        ops[{block->getBlockID(), i}] = std::move(op);
      }

    // Branches on a try-lock's result, by the block that tests it.
    std::vector<std::optional<TryLockBranch>> tryLocks(cfg->getNumBlockIDs());
    for (const CFGBlock *block : *cfg)
      if (const auto *cond = dyn_cast_or_null<Expr>(block->getTerminatorCondition()))
        if (const auto &branch = (tryLocks[block->getBlockID()] = tryLockBranch(cond))) {
          acquired[branch->call] = branch->keys;
          acquiredWritten[branch->call] = branch->written;
        }
    std::vector<LocksAtPoint> out(cfg->getNumBlockIDs());
    std::vector<bool> reached(cfg->getNumBlockIDs(), false);
    std::deque<const CFGBlock *> work{&cfg->getEntry()};
    std::vector<bool> queued(cfg->getNumBlockIDs(), false);
    queued[cfg->getEntry().getBlockID()] = true;
    unsigned budget = 50 * cfg->getNumBlockIDs() + 100; // sets only shrink/grow monotonically
    while (!work.empty() && budget--) {
      const CFGBlock *block = work.front();
      work.pop_front();
      queued[block->getBlockID()] = false;
      LocksAtPoint state;
      bool first = true;
      for (const auto &pred : block->preds())
        if (pred && reached[pred->getBlockID()]) {
          LocksAtPoint in = out[pred->getBlockID()];
          if (const auto &branch = tryLocks[pred->getBlockID()]; branch && pred->succ_size() == 2)
            if ((*pred->succ_begin() == block) == branch->onTrueEdge)
              for (const auto &key : branch->keys) {
                in.must.insert(key);
                in.may.insert(key);
              }
          join(state, in, first);
          first = false;
        }
      for (unsigned i = 0; i < block->size(); ++i) {
        if (auto s = (*block)[i].getAs<CFGStmt>())
          atStmt[s->getStmt()] = state;
        if (const auto &op = ops[{block->getBlockID(), i}])
          apply(state, *op);
      }
      if (const Stmt *term = block->getTerminatorStmt())
        atStmt.try_emplace(term, state);
      bool changed = !reached[block->getBlockID()] || out[block->getBlockID()].must != state.must ||
                     out[block->getBlockID()].may != state.may;
      reached[block->getBlockID()] = true;
      out[block->getBlockID()] = std::move(state);
      if (!changed)
        continue;
      for (const auto &succ : block->succs())
        if (succ && !queued[succ->getBlockID()]) {
          queued[succ->getBlockID()] = true;
          work.push_back(succ);
        }
    }
  }
};

LockSetAnalysis::LockSetAnalysis(const Stmt *body, ASTContext &ctx, const Catalog &catalog)
    : impl_(std::make_unique<Impl>(ctx, catalog)) {
  impl_->run(body);
}

LockSetAnalysis::~LockSetAnalysis() = default;

const LocksAtPoint *LockSetAnalysis::at(const Stmt *stmt) const {
  for (const Stmt *s = stmt; s; s = impl_->parents ? impl_->parents->getParent(s) : nullptr)
    if (auto it = impl_->atStmt.find(s); it != impl_->atStmt.end())
      return &it->second;
  return nullptr;
}

const ParentMap &LockSetAnalysis::parents() const { return *impl_->parents; }

std::vector<const Expr *> LockSetAnalysis::writtenMutexes(const Stmt *stmt) const {
  auto it = impl_->acquiredWritten.find(stmt);
  return it == impl_->acquiredWritten.end() ? std::vector<const Expr *>() : it->second;
}

std::vector<std::string> LockSetAnalysis::mutexesOf(const VarDecl *guard) const {
  auto it = impl_->guards.find(guard);
  return it == impl_->guards.end() ? std::vector<std::string>() : it->second.keys;
}

std::vector<std::string> LockSetAnalysis::acquiredBy(const Stmt *stmt) const {
  auto it = impl_->acquired.find(stmt);
  return it == impl_->acquired.end() ? std::vector<std::string>() : it->second;
}

} // namespace concur
