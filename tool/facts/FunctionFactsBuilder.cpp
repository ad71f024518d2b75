#include "facts/FunctionFactsBuilder.h"

#include "catalog/Catalog.h"
#include "facts/AccessMode.h"
#include "facts/Arguments.h"
#include "facts/BranchHints.h"
#include "facts/CoroutineFlow.h"
#include "facts/Descriptors.h"
#include "facts/HalvingLoops.h"
#include "facts/LockSets.h"
#include "facts/LoopCarried.h"
#include "facts/Names.h"
#include "facts/PoolStarts.h"
#include "facts/RetryLoops.h"
#include "facts/StoredCallables.h"
#include "facts/Values.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/Basic/SourceManager.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Lex/Lexer.h>

#include <optional>
#include <set>

namespace concur {

using namespace clang;

namespace {

std::vector<std::string> sorted(const LockSet &set) { return {set.begin(), set.end()}; }

/// The system-header macro or enumerator `s` spells (O_NONBLOCK, LOCK_NB),
/// or empty.
std::string systemFlagName(const Stmt *s, ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  if (const auto *literal = dyn_cast<IntegerLiteral>(s)) {
    SourceLocation loc = literal->getBeginLoc();
    if (loc.isMacroID() && sm.isInSystemHeader(sm.getSpellingLoc(loc)))
      return Lexer::getImmediateMacroName(loc, sm, ctx.getLangOpts()).str();
  } else if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
    if (isa<EnumConstantDecl>(ref->getDecl()) && sm.isInSystemHeader(ref->getDecl()->getLocation()))
      return ref->getDecl()->getNameAsString();
  }
  return {};
}

/// Every system flag written in an argument, sorted and unique.
std::vector<std::string> argumentFlags(llvm::ArrayRef<const Expr *> args, ASTContext &ctx) {
  std::set<std::string> names;
  std::vector<const Stmt *> stack(args.begin(), args.end());
  while (!stack.empty()) {
    const Stmt *s = stack.back();
    stack.pop_back();
    if (!s)
      continue;
    if (std::string name = systemFlagName(s, ctx); !name.empty())
      names.insert(std::move(name));
    for (const Stmt *child : s->children())
      stack.push_back(child);
  }
  return {names.begin(), names.end()};
}

/// The global variable an expression names ('::std::cin'), or empty.
std::string globalObjectName(const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasGlobalStorage() || var->isStaticLocal())
    return {};
  return normalizedName(var);
}

/// Whether the value of `call` is thrown away: it is a statement of its
/// own (maybe cast to void), so a returned object is destroyed at once.
bool resultDiscarded(const Expr *call, const ParentMap &parents) {
  const Stmt *s = call;
  const Stmt *parent = parents.getParent(s);
  while (parent && (isa<ExprWithCleanups>(parent) || isa<MaterializeTemporaryExpr>(parent) ||
                    isa<CXXBindTemporaryExpr>(parent) || isa<ImplicitCastExpr>(parent) ||
                    isa<ParenExpr>(parent) ||
                    (isa<ExplicitCastExpr>(parent) && cast<ExplicitCastExpr>(parent)->getType()->isVoidType()))) {
    s = parent;
    parent = parents.getParent(s);
  }
  return parent && (isa<CompoundStmt>(parent) || isa<SwitchCase>(parent) || isa<LabelStmt>(parent));
}

bool isLoop(const Stmt *s) {
  return isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s);
}

bool countsAsOp(const Stmt *s) {
  if (const auto *bin = dyn_cast<BinaryOperator>(s))
    return bin->getOpcode() != BO_Comma;
  if (const auto *unary = dyn_cast<UnaryOperator>(s))
    return unary->getOpcode() != UO_AddrOf && unary->getOpcode() != UO_Extension;
  return isa<ArraySubscriptExpr>(s);
}

class Builder {
public:
  Builder(const FunctionDecl *fn, ASTContext &ctx, const Catalog &catalog, const Stmt *body)
      : fn_(fn), ctx_(ctx), sm_(ctx.getSourceManager()), catalog_(catalog),
        locks_(body, ctx, catalog), fds_(fn, locks_.parents()), stored_(fn) {
    if (const auto *coroutine = dyn_cast_or_null<CoroutineBodyStmt>(fn->getBody()))
      flow_.emplace(coroutine, ctx, catalog);
  }

  void walk(const Stmt *s);
  /// A constructor's member and base initialisers run before its body:
  /// their calls are the constructor's calls.
  void walkInitializers() {
    const auto *ctor = dyn_cast<CXXConstructorDecl>(fn_);
    if (!ctor)
      return;
    stored_.noteMemberInits(ctor);
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isWritten() && init->getInit()) {
        fds_.addMemberInit(init);
        walk(init->getInit());
      }
  }
  FunctionFacts facts;

private:
  void walkLoop(const Stmt *loop);
  std::string loopSubject(const Stmt *loop) const;
  void emplacedConstructor(const clang::FunctionDecl *callee, const clang::Expr *receiver, CallSite &cs) const;
  void recordCall(const CallExpr *call);
  void recordConstruct(const CXXConstructExpr *construct);
  void recordDescriptors(const CallExpr *call, const FunctionDecl *callee, bool system, const ApiEntry *entry,
                         CallSite &cs);
  void recordAccess(const Expr *expr, const ValueDecl *decl, Access::Base base);
  void recordSuspension(const Stmt *s, Suspension::Kind kind);
  void walkIf(const IfStmt *branch);
  void addOps(unsigned n) {
    if (loops_.empty())
      facts.ops += n;
    else
      facts.loops[loops_.back()].ops += n;
  }
  int currentLoop() const { return loops_.empty() ? -1 : loops_.back(); }
  std::vector<std::string> mustLocks(const Stmt *s) const {
    const LocksAtPoint *at = locks_.at(s);
    return at ? sorted(at->must) : std::vector<std::string>();
  }
  CallSite makeCall(const FunctionDecl *callee, const Expr *call, const Expr *receiver,
                    llvm::ArrayRef<const Expr *> args);
  bool capturedByReference(const VarDecl *var) const;
  std::vector<std::string> lockNames(const Stmt *call) const;

  const FunctionDecl *fn_;
  ASTContext &ctx_;
  const SourceManager &sm_;
  const Catalog &catalog_;
  LockSetAnalysis locks_;
  std::optional<CoroutineFlow> flow_; // coroutines only
  DescriptorNames fds_;
  StoredCallables stored_;
  std::vector<int> loops_;
  std::set<std::string> virtualFiles_; // objects opened on /proc or /sys here
  void noteVirtualFile(const VarDecl *var);
  int awaitDepth_ = 0;
  int noAwaitDepth_ = 0; // inside a catch handler or a static local's initializer
  int coldDepth_ = 0;    // on a path marked rarely taken: an unlikely branch, an error path (CallSite::cold)
  const Stmt *awaitedCall_ = nullptr; // operand of the innermost co_await being walked
  int awaitingSuspension_ = -1;

  std::set<std::string> flagNames_;
  void recordFlag(const Stmt *s);

public:
  /// After the walk: the facts that need the whole body (flag names, the
  /// descriptors it makes non-blocking, the tasks handed to a pool).
  void finish();

private:
  PoolStarts poolStarts_;
  std::vector<std::pair<const CallExpr *, size_t>> programCalls_; // into facts.calls
  // The statement of each facts.loops entry and the expression of each
  // facts.calls entry, for the loop-carried facts (facts/LoopCarried.h).
  std::vector<const Stmt *> loopStmts_;
  std::vector<const Expr *> callExprs_;
};

void Builder::finish() {
  facts.flagNames.assign(flagNames_.begin(), flagNames_.end());
  facts.storedCallables = stored_.take();
  facts.nonblockingDescriptors = fds_.finish(flagNames_);
  for (const auto &[call, index] : programCalls_)
    facts.calls[index].startsOnPool = poolStarts_.started(call, fds_);
  addLoopCarriedFacts(loopStmts_, callExprs_, ctx_, facts);
}

/// `std::ifstream in("/proc/self/status")`, `FILE *f = fopen("/sys/...", "r")`,
/// `int fd = open("/proc/...", O_RDONLY)`: reads of `var` wait for no device.
void Builder::noteVirtualFile(const VarDecl *var) {
  const Expr *init = var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr;
  bool opened = false;
  if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init))
    opened = anyVirtualFilePath({construct->getArgs(), construct->getNumArgs()});
  else if (const auto *call = dyn_cast_or_null<CallExpr>(init))
    opened = anyVirtualFilePath({call->getArgs(), call->getNumArgs()});
  if (opened)
    virtualFiles_.insert("v:" + usrOf(var));
}

void Builder::recordFlag(const Stmt *s) {
  if (std::string name = systemFlagName(s, ctx_); !name.empty())
    flagNames_.insert(std::move(name));
}

void Builder::walk(const Stmt *s) {
  if (!s)
    return;
  if (const auto *lambda = dyn_cast<LambdaExpr>(s)) {
    for (const Expr *init : lambda->capture_inits())
      walk(init);
    return;
  }
  if (const auto *suspend = dyn_cast<CoroutineSuspendExpr>(s)) {
    recordSuspension(s, isa<CoyieldExpr>(s) ? Suspension::Kind::Yield : Suspension::Kind::Await);
    // The awaited call, if the operand is one: the suspension waits for it.
    const Stmt *outerOperand = awaitedCall_;
    int outerSuspension = awaitingSuspension_;
    awaitedCall_ = suspend->getOperand() ? suspend->getOperand()->IgnoreImplicit() : nullptr;
    awaitingSuspension_ = int(facts.suspensions.size()) - 1;
    ++awaitDepth_;
    walk(suspend->getOperand());
    --awaitDepth_;
    awaitedCall_ = outerOperand;
    awaitingSuspension_ = outerSuspension;
    return;
  }
  if (const auto *dependent = dyn_cast<DependentCoawaitExpr>(s)) {
    // co_await in a template's pattern, where the promise type is not known
    // yet: its operand call is still the one it waits for.
    recordSuspension(s, Suspension::Kind::Await);
    const Stmt *outerOperand = awaitedCall_;
    int outerSuspension = awaitingSuspension_;
    awaitedCall_ = dependent->getOperand() ? dependent->getOperand()->IgnoreImplicit() : nullptr;
    awaitingSuspension_ = int(facts.suspensions.size()) - 1;
    ++awaitDepth_;
    walk(dependent->getOperand());
    --awaitDepth_;
    awaitedCall_ = outerOperand;
    awaitingSuspension_ = outerSuspension;
    return;
  }
  if (const auto *ret = dyn_cast<ReturnStmt>(s); ret && ret->getRetValue() && facts.returnedDescriptor.empty())
    facts.returnedDescriptor = fds_.keyOf(ret->getRetValue());
  if (const auto *ret = dyn_cast<CoreturnStmt>(s)) {
    recordSuspension(s, Suspension::Kind::Return);
    walk(ret->getOperand());
    return;
  }
  if (const auto *decl = dyn_cast<DeclStmt>(s)) {
    for (const Decl *d : decl->decls())
      if (const auto *var = dyn_cast<VarDecl>(d)) {
        noteVirtualFile(var);
        stored_.noteVariable(var);
        const bool staticInit = var->isStaticLocal(); // static and thread_local
        noAwaitDepth_ += staticInit;
        walk(var->getInit());
        noAwaitDepth_ -= staticInit;
      }
    return;
  }
  if (const auto *handler = dyn_cast<CXXCatchStmt>(s)) {
    // An exception handler is an error path: cold (CallSite::cold).
    ++noAwaitDepth_;
    ++coldDepth_;
    walk(handler->getHandlerBlock());
    --coldDepth_;
    --noAwaitDepth_;
    return;
  }
  if (const auto *thrown = dyn_cast<CXXThrowExpr>(s)) {
    ++coldDepth_; // building the exception (its message) runs only when it is thrown
    walk(thrown->getSubExpr());
    --coldDepth_;
    return;
  }
  if (const auto *branch = dyn_cast<IfStmt>(s))
    return walkIf(branch);
  if (isLoop(s))
    return walkLoop(s);
  if (const auto *call = dyn_cast<CallExpr>(s))
    recordCall(call);
  else if (const auto *construct = dyn_cast<CXXConstructExpr>(s))
    recordConstruct(construct);
  else if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl())) {
      if (var->hasGlobalStorage() && !var->getType().isConstQualified())
        recordAccess(ref, var, Access::Base::Global);
      else if (ref->refersToEnclosingVariableOrCapture() && capturedByReference(var))
        recordAccess(ref, var, Access::Base::Captured);
    }
  } else if (const auto *member = dyn_cast<MemberExpr>(s)) {
    if (isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
      if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        recordAccess(member, field, Access::Base::Member);
  }
  if (countsAsOp(s))
    addOps(1);
  recordFlag(s);
  for (const Stmt *child : s->children())
    walk(child);
}

/// What a loop runs over, as written: a range-for's range, the bound a
/// counted loop compares with, else its condition. Bounded in length.
std::string Builder::loopSubject(const Stmt *loop) const {
  auto isConstant = [&](const Expr *e) {
    return evaluable(e) && (e->isIntegerConstantExpr(ctx_) ||
                            e->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull);
  };
  const Expr *subject = nullptr;
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop))
    subject = r->getRangeInit();
  else if (const auto *f = dyn_cast<ForStmt>(loop))
    subject = f->getCond();
  else if (const auto *w = dyn_cast<WhileStmt>(loop))
    subject = w->getCond();
  else if (const auto *d = dyn_cast<DoStmt>(loop))
    subject = d->getCond();
  if (!subject)
    return {};
  if (const Expr *container = isa<WhileStmt>(loop) || isa<DoStmt>(loop) ? testedForElements(subject) : nullptr)
    subject = container; // while (!line.empty()): over 'line'
  else if (const auto *cmp = dyn_cast<BinaryOperator>(subject->IgnoreParenImpCasts()); cmp && cmp->isComparisonOp())
    // The bound, unless it is a constant the count runs down to
    // (`while (left > 0)`: over 'left', not '0').
    subject = (cmp->getOpcode() == BO_GT || cmp->getOpcode() == BO_GE || cmp->getOpcode() == BO_NE) &&
                      isConstant(cmp->getRHS()) && !isConstant(cmp->getLHS())
                  ? cmp->getLHS()
                  : cmp->getRHS();
  CharSourceRange range = CharSourceRange::getTokenRange(subject->getSourceRange());
  std::string text = Lexer::getSourceText(sm_.getExpansionRange(range), sm_, ctx_.getLangOpts()).str();
  for (char &c : text)
    if (c == '\n' || c == '\t')
      c = ' ';
  return text.size() <= 40 ? text : text.substr(0, 37) + "...";
}

void Builder::walkIf(const IfStmt *branch) {
  walk(branch->getInit());
  walk(branch->getConditionVariableDeclStmt());
  walk(branch->getCond());
  const BranchHint hint = branchHint(branch, ctx_);
  coldDepth_ += hint == BranchHint::ThenUnlikely;
  walk(branch->getThen());
  coldDepth_ -= hint == BranchHint::ThenUnlikely;
  coldDepth_ += hint == BranchHint::ElseUnlikely;
  walk(branch->getElse());
  coldDepth_ -= hint == BranchHint::ElseUnlikely;
}

void Builder::walkLoop(const Stmt *loop) {
  // A for-loop's init runs once, outside the loop.
  if (const auto *f = dyn_cast<ForStmt>(loop))
    walk(f->getInit());
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop)) {
    walk(r->getRangeInit());
    fds_.addRangeVariable(r->getLoopVariable(), r->getRangeInit());
    stored_.noteRangeVariable(r);
  }
  Loop info;
  info.loc = toSourceLoc(sm_, loop->getBeginLoc());
  info.parent = currentLoop();
  info.depth = info.parent < 0 ? 1 : facts.loops[info.parent].depth + 1;
  // A retry or spin loop goes round again only when another thread
  // interfered: once, as computation; its waiting is not a data size.
  info.retry = isRetryLoop(loop, ctx_);
  info.cold = coldDepth_ > 0;
  info.trip = info.retry ? SymbolicValue::constant(1) : tripCount(loop, fn_, ctx_);
  info.onPool = flow_ && flow_->onPool(loop);
  info.over = loopSubject(loop);
  if (info.trip.kind == SymbolicValue::Kind::Unknown) {
    info.scale = loopScale(loop, fn_, ctx_);
    info.walk = walksLinks(loop);
  }
  if (info.trip.kind == SymbolicValue::Kind::Unknown && isHalvingLoop(loop)) {
    info.halving = true; // each round halves what is left: O(log n)
    info.trip = SymbolicValue::constant(kHalvingTrips);
  }
  if (info.trip.kind != SymbolicValue::Kind::Constant)
    info.overParam = readsParameter(loop, fn_);
  facts.loops.push_back(info);
  loops_.push_back(int(facts.loops.size()) - 1);
  loopStmts_.push_back(loop);
  for (const Stmt *child : loop->children()) {
    if (const auto *f = dyn_cast<ForStmt>(loop); f && child == f->getInit())
      continue;
    if (const auto *r = dyn_cast<CXXForRangeStmt>(loop); r && (child == r->getInit() || child == r->getRangeStmt()))
      continue;
    walk(child);
  }
  loops_.pop_back();
}

/// `threads.emplace_back(f, x)` constructs a std::thread from (f, x)
/// inside the library, where the constructor call is not seen: when the
/// catalogue describes the element's constructor, the call is that
/// constructor (a spawn, for a thread).
void Builder::emplacedConstructor(const FunctionDecl *callee, const Expr *receiver, CallSite &cs) const {
  if (!callee || !callee->getIdentifier() || !callee->getName().starts_with("emplace"))
    return;
  QualType type = receiver->getType().getNonReferenceType();
  if (type->isPointerType())
    type = type->getPointeeType();
  const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  if (!spec || spec->getTemplateArgs().size() < 1 || spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return;
  QualType elementType = spec->getTemplateArgs()[0].getAsType();
  const CXXRecordDecl *element = elementType->getAsCXXRecordDecl();
  if (!element || !element->getIdentifier())
    return;
  const std::string ctor = normalizedName(element) + "::" + element->getName().str();
  if (!catalog_.lookup(ctor, {}, {}))
    return;
  cs.calleeName = ctor;
  cs.displayName = displayName(element) + "::" + element->getName().str();
  cs.calleeUsr.clear();
  cs.isConstructor = true;
  cs.receiverTypes = classAndBases(elementType);
}

CallSite Builder::makeCall(const FunctionDecl *callee, const Expr *call, const Expr *receiver,
                           llvm::ArrayRef<const Expr *> args) {
  CallSite cs;
  cs.loc = toSourceLoc(sm_, call->getBeginLoc());
  cs.loop = currentLoop();
  cs.inAwaitOperand = awaitDepth_ > 0;
  cs.awaitForbidden = noAwaitDepth_ > 0;
  cs.cold = coldDepth_ > 0;
  cs.locksHeld = mustLocks(call);
  cs.acquires = locks_.acquiredBy(call);
  if (!cs.acquires.empty())
    cs.lockNames = lockNames(call);
  if (callee) {
    const FunctionDecl *def = callee->getDefinition();
    cs.calleeUsr = usrOf(callee);
    cs.calleeName = normalizedName(callee);
    cs.displayName = displayName(callee);
    cs.calleeHasBody = def && def->doesThisDeclarationHaveABody();
    // A compiler builtin (__builtin_ctzll) is a library function: an instruction or two.
    cs.calleeInSystemHeader = sm_.isInSystemHeader(callee->getLocation()) || callee->getBuiltinID() != 0;
  }
  if (receiver) {
    cs.receiverTypes = classAndBases(receiver);
    cs.receiverObject = globalObjectName(receiver);
    emplacedConstructor(callee, receiver, cs);
  }
  cs.virtualFile = anyVirtualFilePath(args) || (receiver && virtualFiles_.count(locationKey(receiver)));
  if (cs.virtualFile && receiver && isa<CXXMemberCallExpr>(call))
    virtualFiles_.insert(locationKey(receiver)); // in.open("/proc/...") opens `in` there
  cs.argFlags = argumentFlags(args, ctx_);
  if (flow_) {
    cs.onPool = flow_->onPool(call);
    cs.resultReady = receiver && flow_->ready(call, locationKey(receiver));
    for (unsigned i = 0; i < args.size(); ++i)
      if (std::string key = readyKeyOf(args[i]); !key.empty() && flow_->ready(call, key))
        cs.readyArgs.push_back(int(i));
  }
  if (receiver)
    cs.receiverParam = parameterIndex(receiver, fn_);
  for (unsigned i = 0; i < args.size(); ++i)
    if (int param = parameterIndex(handedOn(args[i]), fn_); param >= 0) {
      cs.argParams.resize(args.size(), -1);
      cs.argParams[i] = param;
    }
  cs.resultDiscarded = resultDiscarded(call, locks_.parents());
  for (unsigned i = 0; i < args.size(); ++i) {
    cs.args.push_back(argumentValue(args[i], fn_, ctx_));
    if (cs.durationNs < 0)
      cs.durationNs = constantDurationNs(args[i], ctx_);
    if (const FunctionDecl *target = callableTarget(args[i]))
      cs.callables.push_back({i, usrOf(target), displayName(target)});
  }
  return cs;
}

void Builder::recordCall(const CallExpr *call) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee && (callee = calleeByName(call)) == nullptr && call->isTypeDependent()) {
    // In a template's pattern: what runs depends on the template arguments
    // (a member of a dependent type, an overload set of several names).
    addOps(1);
    return;
  }
  const Expr *receiver = nullptr;
  std::vector<const Expr *> args(call->arg_begin(), call->arg_end());
  bool isVirtual = false;
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
    receiver = member->getImplicitObjectArgument();
    if (const auto *method = member->getMethodDecl())
      isVirtual = method->isVirtual() && !method->hasAttr<FinalAttr>() &&
                  !method->getParent()->hasAttr<FinalAttr>();
    if (const auto *me = dyn_cast<MemberExpr>(member->getCallee()->IgnoreParens()); me && me->hasQualifier())
      isVirtual = false; // Base::f() is a direct call
  } else if (isa<CXXOperatorCallExpr>(call)) {
    if (isa_and_nonnull<CXXMethodDecl>(callee) && !args.empty()) {
      receiver = args.front();
      args.erase(args.begin());
    }
  }
  if (!receiver && !args.empty())
    receiver = args.front();

  const bool system = callee && sm_.isInSystemHeader(callee->getLocation());
  CallSite cs = makeCall(callee, call, receiver, args);
  const ApiEntry *entry = callee ? catalog_.lookup(cs.calleeName, cs.receiverTypes, cs.receiverObject) : nullptr;
  recordDescriptors(call, callee, system, entry, cs);
  cs.isVirtual = isVirtual;
  if (!isa<CXXMemberCallExpr>(call) && !isa<CXXOperatorCallExpr>(call)) {
    // The callee as written ('std::this_thread::sleep_for'), for fix-its.
    SourceLocation begin = call->getCallee()->getBeginLoc(), end = call->getCallee()->getEndLoc();
    if (begin.isFileID() && end.isFileID()) {
      unsigned endOffset = sm_.getFileOffset(Lexer::getLocForEndOfToken(end, 0, sm_, ctx_.getLangOpts()));
      unsigned beginOffset = sm_.getFileOffset(begin);
      if (endOffset > beginOffset && sm_.getFileID(begin) == sm_.getFileID(end))
        cs.calleeLength = endOffset - beginOffset;
    }
  }
  if (!callee) {
    cs.isIndirect = true;
    cs.displayName = "(indirect call)";
    if (const auto *ref = dyn_cast<DeclRefExpr>(call->getCallee()->IgnoreParenImpCasts()))
      cs.displayName = ref->getDecl()->getNameAsString();
  }
  if (system && !entry) {
    // A library call that keeps the callables it is given runs none of them
    // (emplace_back, std::function's operator=); one that invokes a stored
    // callable runs what was stored there.
    if (storesCallables(callee)) {
      stored_.noteStoringCall(isa<CXXMemberCallExpr>(call) || isa<CXXOperatorCallExpr>(call) ? receiver : nullptr,
                              args);
      cs.callables.clear();
    }
    cs.invokesPlace = stored_.invokedPlace(call);
  }
  // A library call nobody catalogued and that runs no callback of ours is
  // ordinary computation (a container access, a math function), unless a
  // branch on it acquires a lock (`if (lk.owns_lock())`).
  if (system && !entry && cs.callables.empty() && cs.invokesPlace.empty() && cs.acquires.empty() &&
      call != awaitedCall_) {
    addOps(1);
    return;
  }
  if (call == awaitedCall_ && awaitingSuspension_ >= 0)
    facts.suspensions[awaitingSuspension_].operandCall = int(facts.calls.size());
  if (entry && entry->has(EffectStartOnPool))
    poolStarts_.recordStarter(call);
  if (!system)
    programCalls_.emplace_back(call, facts.calls.size());
  facts.calls.push_back(std::move(cs));
  callExprs_.push_back(call);
}

/// Descriptor provenance: what the call does to a descriptor's mode, which
/// descriptor it reads or writes, and where a program function's result goes.
void Builder::recordDescriptors(const CallExpr *call, const FunctionDecl *callee, bool system,
                                const ApiEntry *entry, CallSite &cs) {
  if (!callee)
    return;
  if (system && callee->getIdentifier())
    fds_.recordCall(call, callee->getName().str(), cs.argFlags);
  if (entry && !entry->nonblockingFlags.empty() && call->getNumArgs()) {
    cs.fdKey = fds_.keyOf(call->getArg(0));
    // write(handle.fd(), ...): the handle object, which is also non-blocking
    // when what the accessor returns is.
    if (std::string object = fds_.accessedObject(call->getArg(0)); !object.empty()) {
      facts.descriptorAliases.push_back({object, cs.fdKey});
      cs.fdKey = object;
    }
  }
  if (!system && !isa<CXXOperatorCallExpr>(call))
    if (std::string to = fds_.destinationOf(call); !to.empty())
      facts.descriptorAliases.push_back({to, "call:" + usrOf(callee)});
}

void Builder::recordConstruct(const CXXConstructExpr *construct) {
  const CXXConstructorDecl *ctor = construct->getConstructor();
  if (!ctor || ctor->isTrivial())
    return;
  const bool system = sm_.isInSystemHeader(ctor->getLocation());
  const ApiEntry *entry = catalog_.lookup(normalizedName(ctor), {});
  std::vector<const Expr *> args(construct->arg_begin(), construct->arg_end());
  if (system && entry && entry->has(EffectIo) && args.empty()) {
    addOps(1); // std::ifstream in; opens nothing until in.open(path)
    return;
  }
  if (system && !entry) {
    // Library objects are plain computation; one made from a callable of
    // ours (std::function, packaged_task) keeps it, to be run where it is
    // invoked (StoredCallables).
    addOps(1);
    return;
  }
  if (!system && !ctor->isUserProvided())
    return; // implicit copy/move of a user type: no code of ours runs
  CallSite cs = makeCall(ctor, construct, nullptr, args);
  cs.isConstructor = true;
  facts.calls.push_back(std::move(cs));
  callExprs_.push_back(construct);
}

/// The mutexes an acquiring call names, as written: the object of
/// m.lock(), the argument of pthread_mutex_lock(&m), every mutex given to
/// std::scoped_lock(a, b), the mutex a helper locks.
std::vector<std::string> Builder::lockNames(const Stmt *call) const {
  std::vector<std::string> names;
  for (const Expr *mutex : locks_.writtenMutexes(call)) {
    CharSourceRange range = CharSourceRange::getTokenRange(mutex->IgnoreImplicit()->getSourceRange());
    std::string text = Lexer::getSourceText(range, sm_, ctx_.getLangOpts()).str();
    if (!text.empty() && text[0] == '&')
      text.erase(0, 1);
    if (!text.empty())
      names.push_back(std::move(text));
  }
  return names;
}

bool Builder::capturedByReference(const VarDecl *var) const {
  const auto *method = dyn_cast<CXXMethodDecl>(fn_);
  if (!method || !method->getParent()->isLambda())
    return false;
  for (const LambdaCapture &capture : method->getParent()->captures())
    if (capture.capturesVariable() && capture.getCapturedVar() == var)
      return capture.getCaptureKind() == LCK_ByRef;
  return false;
}

void Builder::recordAccess(const Expr *expr, const ValueDecl *decl, Access::Base base) {
  Access access;
  access.key = locationKey(expr);
  access.display = base == Access::Base::Member ? displayName(decl) : decl->getNameAsString();
  access.loc = toSourceLoc(sm_, expr->getExprLoc());
  access.base = base;
  access.isWrite = isWriteAccess(expr, locks_.parents());
  access.isAtomic = isSynchronisationType(decl->getType());
  if (const auto *var = dyn_cast<VarDecl>(decl))
    access.isThreadLocal = var->getTLSKind() != VarDecl::TLS_None;
  access.loop = currentLoop();
  access.locksHeld = mustLocks(expr);
  facts.accesses.push_back(std::move(access));
}

void Builder::recordSuspension(const Stmt *s, Suspension::Kind kind) {
  Suspension suspension;
  suspension.kind = kind;
  suspension.loc = toSourceLoc(sm_, s->getBeginLoc());
  suspension.loop = currentLoop();
  if (const LocksAtPoint *at = locks_.at(s)) {
    LockSet must = at->must, may = at->may;
    // `co_await cv.wait(lock)`, `co_await lock_awaiter(*this, lock)`: the
    // awaitable takes the guard by reference and releases it as it suspends
    // (the async condition-variable and async-mutex pattern).
    // `co_await cv.wait(mutex, pred)` hands over the mutex itself.
    auto release = [&](const std::string &mutex) {
      must.erase(mutex);
      may.erase(mutex);
    };
    if (const auto *suspend = dyn_cast<CoroutineSuspendExpr>(s))
      for (const Expr *given : passedByReference(suspend->getOperand())) {
        release(locationKey(given));
        if (const auto *ref = dyn_cast<DeclRefExpr>(given))
          if (const auto *guard = dyn_cast<VarDecl>(ref->getDecl()))
            for (const std::string &mutex : locks_.mutexesOf(guard))
              release(mutex);
      }
    suspension.locksHeld = sorted(must);
    suspension.locksMaybeHeld = sorted(may);
  }
  facts.suspensions.push_back(std::move(suspension));
}

} // namespace

FunctionFacts buildFunctionFacts(const FunctionDecl *fn, ASTContext &ctx, const Catalog &catalog) {
  const Stmt *body = fn->getBody();
  const auto *coroutine = dyn_cast<CoroutineBodyStmt>(body);
  if (coroutine)
    body = coroutine->getBody();
  Builder builder(fn, ctx, catalog, body);
  FunctionFacts &facts = builder.facts;
  facts.usr = usrOf(fn);
  facts.name = displayName(fn);
  facts.loc = toSourceLoc(ctx.getSourceManager(), fn->getLocation());
  facts.isCoroutine = coroutine != nullptr;
  if (const auto *method = dyn_cast<CXXMethodDecl>(fn)) {
    facts.isLambda = method->getParent()->isLambda();
    for (const CXXMethodDecl *overridden : method->overridden_methods())
      facts.overrides.push_back(usrOf(overridden));
    if (!facts.overrides.empty())
      facts.overriderClass = usrOf(method->getParent());
  }
  facts.isTemplateInstance = fn->isTemplateInstantiation();
  facts.isStructor = isa<CXXConstructorDecl>(fn) || isa<CXXDestructorDecl>(fn);
  if (const auto *record = fn->getReturnType()->getAsCXXRecordDecl())
    facts.returnType = normalizedName(record);
  facts.numParams = fn->getNumParams();
  builder.walkInitializers();
  builder.walk(body);
  builder.finish();
  return std::move(builder.facts);
}

} // namespace concur
