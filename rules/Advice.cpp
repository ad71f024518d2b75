#include "rules/Advice.h"

#include "classify/Classifier.h"
#include "model/ProgramModel.h"
#include "rules/advice/Sketches.h"
#include "support/Format.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

namespace concur {

namespace {

constexpr const char *kName = "concur-advice";

const OptionTable &options() {
  static const OptionTable table{
      kName,
      {
          {"MinCalls", 2, "a loop whose count of blocking calls is known must make at least this many for gather"},
          {"MinLoopCpuNs", 1e6,
           "a loop is heavy enough for parallel_for when its estimated computation reaches this many nanoseconds"},
      }};
  return table;
}

// Effects that make a call unfit to run on several threads at once, or a
// wait that would hold a worker: thread-unsafe state, blocking, locks, I/O.
constexpr uint32_t kNotParallel = EffectMtUnsafe | EffectBlocking | EffectWait | EffectLock | EffectIo |
                                  EffectSpawnThread | EffectSpawnProcess | EffectSuspend;

/// The note that carries a sketch: the text of rules/advice/<kind>.sketch,
/// indented below the note line as clang shows source excerpts.
Note sketchNote(const SourceLoc &loc, const char *sketch) {
  std::istringstream lines(sketch);
  std::string message = "sketch with the concur runtime:", line;
  while (std::getline(lines, line))
    message += "\n    " + line;
  return {loc, message};
}

Finding remark(const FunctionFacts &fn, const SourceLoc &loc, std::string message) {
  Finding f;
  f.check = kName;
  f.severity = Severity::Remark;
  f.loc = loc;
  f.function = fn.name;
  f.message = std::move(message);
  return f;
}

/// Whether `loop` is `ancestor` or nested inside it.
bool within(const FunctionFacts &fn, int loop, int ancestor) {
  for (; loop >= 0; loop = fn.loops[loop].parent)
    if (loop == ancestor)
      return true;
  return false;
}

const FunctionFacts *single(const ProgramModel &model, const CallTarget &target) {
  if (target.kind != CallTarget::Kind::Function || target.functions.size() != 1)
    return nullptr;
  return &model.function(target.functions.front());
}

class Advisor {
public:
  Advisor(const CheckContext &ctx, std::vector<Finding> &out)
      : ctx_(ctx), model_(ctx.model), out_(out), minCalls_(ctx.options.get(kName, options().options[0])),
        minLoopCpuNs_(ctx.options.get(kName, options().options[1])),
        opNs_(classifierOption(ctx.options, "OpNs")), assumedTrips_(classifierOption(ctx.options, "AssumedTripCount")),
        assumedStateTrips_(classifierOption(ctx.options, "AssumedStateTripCount")) {}

  void run() {
    for (int f = 0; f < int(model_.functions().size()); ++f) {
      const FunctionFacts &fn = model_.function(f);
      for (int l = 0; l < int(fn.loops.size()); ++l)
        gather(f, l);
      parallelLoops(f);
      processPool(f);
    }
  }

private:
  struct IoCall {
    int site;
    bool task; // a coroutine of the program, awaited: a task to start, not a call to offload
    std::string name;
  };

  std::optional<std::vector<IoCall>> independentIoCalls(int f, int l) const;
  std::optional<IoCall> ioCall(int f, int site) const;
  bool paramIsSource(int g, int param, int depth) const;
  bool blocksOtherwise(int f, int l) const;
  void gather(int f, int l);

  bool parallelCandidate(int f, int l) const;
  bool callsThreadSafe(int f, int l) const;
  bool threadSafe(int g) const;
  double nestIterations(int f, int loop) const;
  double loopCostNs(int f, int l) const;
  void parallelLoops(int f);

  void processPool(int f);

  const CheckContext &ctx_;
  const ProgramModel &model_;
  std::vector<Finding> &out_;
  double minCalls_, minLoopCpuNs_, opNs_, assumedTrips_, assumedStateTrips_;
  mutable std::unordered_map<int, bool> safe_; // threadSafe, per function (true while in progress)
};

// --- gather -------------------------------------------------------------------

/// Parameter `param` of `g` is what a blocking I/O call of `g` reads from or
/// writes to (its object or first argument), directly or through callees: a
/// caller that passes the same object every iteration chains its calls.
bool Advisor::paramIsSource(int g, int param, int depth) const {
  const FunctionFacts &fn = model_.function(g);
  for (int s = 0; s < int(fn.calls.size()); ++s) {
    const CallSite &call = fn.calls[s];
    const CallTarget &target = model_.target(g, s);
    const bool first = call.receiverParam == param || (!call.argParams.empty() && call.argParams[0] == param);
    if (target.kind == CallTarget::Kind::Api && first && (target.effects & EffectIo) &&
        (target.effects & (EffectBlocking | EffectWait)))
      return true;
    if (target.kind != CallTarget::Kind::Function || depth >= 4)
      continue;
    for (int k = 0; k < int(call.argParams.size()); ++k)
      if (call.argParams[k] == param)
        for (int h : target.functions)
          if (h != g && paramIsSource(h, k, depth + 1))
            return true;
  }
  return false;
}

/// The call at `site` as one iteration's blocking I/O, if it is one: a
/// catalogued blocking I/O call (not a sleep, not a wait for other
/// threads), or a call of a function the classifier finds io.
std::optional<Advisor::IoCall> Advisor::ioCall(int f, int site) const {
  const CallSite &call = model_.function(f).calls[site];
  const CallTarget &target = model_.target(f, site);
  if (call.onPool)
    return std::nullopt;
  if (target.kind == CallTarget::Kind::Api) {
    const uint32_t e = target.effects;
    if ((e & EffectIo) && (e & EffectBlocking) && !(e & EffectWait) && !call.inAwaitOperand)
      return IoCall{site, false, call.displayName};
    return std::nullopt;
  }
  const FunctionFacts *callee = single(model_, target);
  if (!callee)
    return std::nullopt;
  const Verdict &v = ctx_.verdicts[target.functions.front()];
  if (v.kind != WorkKind::Io || v.waitNs <= 0 || v.facts.waitsOnOthers || v.facts.forkJoin)
    return std::nullopt;
  return IoCall{site, callee->isCoroutine && call.inAwaitOperand, callee->name};
}

/// Other waiting in the loop (a sleep between requests, a lock, a wait for
/// a thread, an await of something else) is pacing or ordering that the
/// advice would throw away: no gather then.
bool Advisor::blocksOtherwise(int f, int l) const {
  const FunctionFacts &fn = model_.function(f);
  for (int s = 0; s < int(fn.calls.size()); ++s) {
    const CallTarget &target = model_.target(f, s);
    if (!within(fn, fn.calls[s].loop, l) || target.kind != CallTarget::Kind::Api)
      continue;
    if ((target.effects & (EffectLock | EffectWait)) ||
        ((target.effects & EffectBlocking) && !(target.effects & EffectIo)))
      return true;
  }
  for (const Suspension &s : fn.suspensions) {
    if (s.kind == Suspension::Kind::Return || !within(fn, s.loop, l))
      continue;
    if (s.operandCall < 0 || !ioCall(f, s.operandCall))
      return true;
  }
  return false;
}

/// The blocking I/O calls made directly in loop `l`, when every one is
/// independent of the other iterations: no input an earlier iteration
/// wrote, no stream or connection shared by every iteration, a count of
/// iterations fixed before the loop starts.
std::optional<std::vector<Advisor::IoCall>> Advisor::independentIoCalls(int f, int l) const {
  const FunctionFacts &fn = model_.function(f);
  const Loop &loop = fn.loops[l];
  if (loop.form == Loop::Form::Other || loop.earlyExit || loop.retry || loop.onPool || blocksOtherwise(f, l))
    return std::nullopt;
  std::vector<IoCall> calls;
  for (int s = 0; s < int(fn.calls.size()); ++s) {
    const CallSite &call = fn.calls[s];
    if (call.loop != l)
      continue;
    std::optional<IoCall> io = ioCall(f, s);
    if (!io)
      continue;
    if (call.carriedInput)
      return std::nullopt;
    const CallTarget &target = model_.target(f, s);
    for (int k : call.outerArgs) {
      if (k < 0 || target.kind == CallTarget::Kind::Api)
        return std::nullopt; // the same stream, descriptor or object every time
      if (paramIsSource(target.functions.front(), k, 0))
        return std::nullopt;
    }
    calls.push_back(*io);
  }
  if (calls.empty())
    return std::nullopt;
  return calls;
}

void Advisor::gather(int f, int l) {
  const FunctionFacts &fn = model_.function(f);
  const Loop &loop = fn.loops[l];
  const std::optional<std::vector<IoCall>> calls = independentIoCalls(f, l);
  if (!calls)
    return;
  const double trip = model_.evaluate(f, loop.trip);
  if (trip >= 0 && trip * calls->size() < minCalls_)
    return;
  bool reads = true, tasks = true;
  std::vector<std::string> names;
  for (const IoCall &c : *calls) {
    const CallTarget &target = model_.target(f, c.site);
    const std::string &category = target.api ? target.api->category : std::string();
    reads &= category.size() > 5 && category.compare(category.size() - 5, 5, "-read") == 0;
    tasks &= c.task;
    if (std::find(names.begin(), names.end(), c.name) == names.end() && names.size() < 3)
      names.push_back(c.name);
  }
  const std::string what = reads ? "reads" : "I/O calls";
  const std::string count = trip >= 0 ? approxCount(trip * calls->size()) + " " : "";
  const std::string over = trip < 0 && !loop.over.empty() ? ", one per iteration over '" + loop.over + "'" : "";
  Finding r = remark(fn, loop.loc,
                     "loop makes " + count + "independent blocking " + what + " one after another (" +
                         quotedList(names) + over + "): run them together with concur::gather");
  for (size_t i = 0; i < calls->size() && i < 3; ++i) {
    const IoCall &c = (*calls)[i];
    r.notes.push_back({fn.calls[c.site].loc, "'" + c.name + "' waits here, and no iteration's call needs "
                                             "another's result"});
  }
  if (!fn.isCoroutine)
    r.notes.push_back({fn.loc, "'" + fn.name + "' is not a coroutine: make it a concur::task, or drive the sketch "
                               "with concur::run(...)"});
  r.notes.push_back(sketchNote(loop.loc, tasks ? sketch::kGatherTasks : sketch::kGatherBlocking));
  const bool literal = !loop.over.empty() && std::isdigit(static_cast<unsigned char>(loop.over.front()));
  const std::string items = loop.over.empty() || literal ? "what the loop runs over" : "'" + loop.over + "'";
  r.notes.push_back({loop.loc, std::string("in the sketch, '") + (tasks ? "async_call" : "blocking_call") +
                                   "' is one iteration's work (" + quotedList(names) + ") and 'items' is " + items});
  out_.push_back(std::move(r));
}

// --- parallel_for ---------------------------------------------------------------

/// A function that may run on several threads at once: it writes no state
/// outside its locals (no global, no member, nothing captured by reference)
/// and calls only what is itself thread-safe and does not wait.
bool Advisor::threadSafe(int g) const {
  if (auto it = safe_.find(g); it != safe_.end())
    return it->second;
  safe_[g] = true; // recursion: judged by the rest of the cycle
  const FunctionFacts &fn = model_.function(g);
  bool safe = std::none_of(fn.accesses.begin(), fn.accesses.end(),
                           [](const Access &a) { return a.isWrite && !a.isAtomic && !a.isThreadLocal; });
  for (int s = 0; safe && s < int(fn.calls.size()); ++s) {
    const CallTarget &target = model_.target(g, s);
    switch (target.kind) {
    case CallTarget::Kind::Api: safe = !(target.effects & kNotParallel); break;
    case CallTarget::Kind::Library: break;
    case CallTarget::Kind::Function:
      safe = std::all_of(target.functions.begin(), target.functions.end(), [&](int h) { return threadSafe(h); });
      break;
    default: safe = false; // unknown or indirect: nothing shows it is safe
    }
  }
  safe_[g] = safe;
  return safe;
}

/// Every call in loop `l` (nested loops included) is thread-safe.
bool Advisor::callsThreadSafe(int f, int l) const {
  const FunctionFacts &fn = model_.function(f);
  for (int s = 0; s < int(fn.calls.size()); ++s) {
    if (!within(fn, fn.calls[s].loop, l))
      continue;
    const CallTarget &target = model_.target(f, s);
    if (target.kind == CallTarget::Kind::Api && (target.effects & kNotParallel))
      return false;
    // `live->insert(x)`, `put(k)` on this: every iteration changes the same
    // object (the facts cannot tell a const call, so none is taken as safe).
    const auto &outer = fn.calls[s].outerArgs;
    if (std::find(outer.begin(), outer.end(), -1) != outer.end())
      return false;
    if (target.kind == CallTarget::Kind::Unknown || target.kind == CallTarget::Kind::Indirect)
      return false;
    if (target.kind == CallTarget::Kind::Function &&
        !std::all_of(target.functions.begin(), target.functions.end(), [&](int h) { return threadSafe(h); }))
      return false;
  }
  return true;
}

/// Iterations of the loop nest down to `loop`, assumed counts included.
double Advisor::nestIterations(int f, int loop) const {
  const auto &loops = model_.function(f).loops;
  double times = 1;
  for (; loop >= 0; loop = loops[loop].parent) {
    const double trip = model_.evaluate(f, loops[loop].trip);
    // As the classifier counts: the caller's data, or the object's state.
    times *= trip >= 0 ? trip : model_.followsInput(loops[loop]) ? assumedTrips_ : assumedStateTrips_;
  }
  return times;
}

/// The classifier's estimate of loop `l`'s computation in all: its
/// operations and its nested loops', and its callees' computation, each
/// times the iterations around it.
double Advisor::loopCostNs(int f, int l) const {
  const FunctionFacts &fn = model_.function(f);
  double ns = 0;
  for (int m = 0; m < int(fn.loops.size()); ++m)
    if (within(fn, m, l))
      ns += fn.loops[m].ops * opNs_ * nestIterations(f, m);
  for (int s = 0; s < int(fn.calls.size()); ++s) {
    const CallSite &call = fn.calls[s];
    if (!within(fn, call.loop, l))
      continue;
    const CallTarget &target = model_.target(f, s);
    if (target.kind == CallTarget::Kind::Function)
      ns += ctx_.verdicts[target.functions.front()].cpuNs * nestIterations(f, call.loop);
    else if (target.kind == CallTarget::Kind::Api && (target.effects & EffectCpu) && !call.args.empty())
      ns += heavyCallCpuNs(std::max(0.0, model_.evaluate(f, call.args[0])), ctx_.options) *
            nestIterations(f, call.loop);
  }
  return ns;
}

bool Advisor::parallelCandidate(int f, int l) const {
  const FunctionFacts &fn = model_.function(f);
  const Loop &loop = fn.loops[l];
  if (loop.form == Loop::Form::Other || loop.earlyExit || loop.sharedWrites || loop.retry || loop.onPool)
    return false;
  const double trip = model_.evaluate(f, loop.trip);
  if ((trip >= 0 && trip < 2) || (trip < 0 && !loop.trip.symbolic() && loop.form != Loop::Form::Range))
    return false;
  if (std::any_of(fn.suspensions.begin(), fn.suspensions.end(),
                  [&](const Suspension &s) { return within(fn, s.loop, l); }))
    return false;
  return callsThreadSafe(f, l) && loopCostNs(f, l) >= minLoopCpuNs_;
}

void Advisor::parallelLoops(int f) {
  const FunctionFacts &fn = model_.function(f);
  const Verdict &v = ctx_.verdicts[f];
  if (fn.isCoroutine || v.kind != WorkKind::Cpu)
    return; // a coroutine offloads its computation (concur-cpu-in-event-loop)
  std::vector<bool> candidate(fn.loops.size());
  for (int l = 0; l < int(fn.loops.size()); ++l)
    candidate[l] = parallelCandidate(f, l);
  for (int l = 0; l < int(fn.loops.size()); ++l) {
    if (!candidate[l])
      continue;
    bool outer = false; // an enclosing loop is split instead: coarser parts
    for (int p = fn.loops[l].parent; p >= 0 && !outer; p = fn.loops[p].parent)
      outer = candidate[p];
    if (outer)
      continue;
    const Loop &loop = fn.loops[l];
    const double trip = model_.evaluate(f, loop.trip);
    const std::string size = trip >= 0 ? "~" + approxCount(trip) + " iterations"
                                       : "size unknown" + (loop.over.empty() ? "" : ": '" + loop.over + "'");
    Finding r = remark(fn, loop.loc,
                       "iterations of this loop are independent and CPU-bound (" + size + ", ~" +
                           approxDuration(loopCostNs(f, l)) + " estimated in all" +
                           (trip < 0 ? " with assumed sizes" : "") +
                           "): run them in parallel with concur::parallel_for on a thread pool");
    r.notes.push_back({loop.loc, "no iteration reads what another writes, each writes only its own element, "
                                 "and every call in the loop is thread-safe"});
    r.notes.push_back(sketchNote(loop.loc, sketch::kParallelFor));
    const bool literal = !loop.over.empty() && std::isdigit(static_cast<unsigned char>(loop.over.front()));
    r.notes.push_back({loop.loc, "in the sketch, 'n' is the iteration count" +
                                     (loop.over.empty() || literal ? std::string() : " ('" + loop.over + "')") +
                                     " and the lambda is the loop's body for index 'i'"});
    out_.push_back(std::move(r));
  }
}

// --- process_pool ---------------------------------------------------------------

void Advisor::processPool(int f) {
  const FunctionFacts &fn = model_.function(f);
  const Verdict &v = ctx_.verdicts[f];
  if (fn.isCoroutine || v.kind != WorkKind::Cpu || v.recommendation != Recommendation::Processes ||
      !v.facts.mtUnsafe)
    return;
  const std::string calls = v.facts.mtUnsafeNames.empty() ? "functions" : quotedList(v.facts.mtUnsafeNames);
  Finding r = remark(fn, fn.loc,
                     "CPU-bound function '" + fn.name + "' calls " + calls +
                         ", which are not thread-safe, on its hot path: run it on a concur::process_pool");
  // Where the calls are, the first of each: its own, or the callee that makes them.
  std::set<std::string> named;
  for (int s = 0; s < int(fn.calls.size()) && r.notes.size() < 3; ++s) {
    const CallTarget &target = model_.target(f, s);
    if (!named.insert(fn.calls[s].displayName).second)
      continue;
    if (target.kind == CallTarget::Kind::Api && (target.effects & EffectMtUnsafe))
      r.notes.push_back({fn.calls[s].loc, "'" + fn.calls[s].displayName +
                                              "' keeps process-global state: two threads calling it race"});
    else if (const FunctionFacts *callee = single(model_, target);
             callee && !ctx_.verdicts[target.functions.front()].facts.mtUnsafeNames.empty())
      r.notes.push_back({fn.calls[s].loc, "'" + callee->name + "' calls " +
                                              quotedList(ctx_.verdicts[target.functions.front()].facts.mtUnsafeNames)});
  }
  if (v.assumedCpuNs > v.cpuNs / 2)
    r.notes.push_back({fn.loc, "its computation is estimated with assumed sizes (the code does not show how much "
                               "data it gets): this pays off when that data is large"});
  r.notes.push_back(sketchNote(fn.loc, sketch::kProcessPool));
  r.notes.push_back({fn.loc, "in the sketch, 'cpu_function' is '" + fn.name +
                                 "' (a plain function whose parameters and result concur/serialize.hpp can send) "
                                 "and 'inputs' what its callers pass it"});
  out_.push_back(std::move(r));
}

} // namespace

CheckInfo AdviceCheck::info() {
  return {kName,
          "Where concurrency pays, how to get it with the concur runtime: gather, parallel_for, a process pool",
          /*enabledByDefault=*/false, options(), [] { return std::make_unique<AdviceCheck>(); }};
}

void AdviceCheck::run(const CheckContext &ctx, std::vector<Finding> &out) const { Advisor(ctx, out).run(); }

} // namespace concur
