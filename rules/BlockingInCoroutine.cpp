#include "rules/BlockingInCoroutine.h"

#include "model/BlockingReach.h"
#include "model/CoroutinePlacement.h"
#include "model/ProgramModel.h"
#include "rules/CriticalSections.h"
#include "support/Format.h"

#include <algorithm>
#include <string>

namespace concur {

namespace {

constexpr const char *kName = "concur-blocking-in-coroutine";

const OptionTable &options() {
  static const OptionTable table{
      kName,
      {
          {"ShortCriticalSections", 0,
           "1: also report a mutex taken in a coroutine when no holder of it blocks, waits or computes for long"},
          {"LongSectionCpuNs", 1e6,
           "a call made while a mutex is held that is estimated at this many nanoseconds of computation makes "
           "the section long"},
      }};
  return table;
}

/// A chain of more than kMaxChainNotes steps (after the coroutine's own
/// call) is shown as its first and last kChainEndNotes steps and one note
/// in between that counts the others (docs/checks/concur-blocking-in-coroutine.md).
constexpr size_t kMaxChainNotes = 17;
constexpr size_t kChainEndNotes = 8;

/// A mechanical rewrite that is safe: a direct std::this_thread::sleep_for
/// in a coroutine of the runtime's task type becomes co_await concur::sleep_for,
/// except where co_await is not allowed (a catch handler).
std::vector<Fix> fixFor(const FunctionFacts &coroutine, const CallSite &call, const ApiEntry &api) {
  if (coroutine.returnType != "::concur::task" || call.calleeName != "::std::this_thread::sleep_for" ||
      call.calleeLength == 0 || call.awaitForbidden)
    return {};
  return {{call.loc.file, call.loc.offset, call.calleeLength, "co_await concur::sleep_for"}};
}

} // namespace

CheckInfo BlockingInCoroutineCheck::info() {
  return {kName,
          "a call that can block the thread, directly or through a chain of calls, inside a coroutine",
          /*enabledByDefault=*/true, options(),
          [] { return std::make_unique<BlockingInCoroutineCheck>(); }};
}

/// The chain from the coroutine's call waits on an object the coroutine
/// handed down ready: `check(std::move(done))` where `done` is the value of a
/// co_await, and `check` (or a helper it passes the parameter on to) calls
/// `done.get()`. Such a wait returns at once.
static bool waitsOnReadyArgument(const ProgramModel &model, const std::vector<BlockingStep> &chain) {
  if (chain.empty())
    return false;
  std::vector<int> ready = model.function(chain[0].function).calls[chain[0].site].readyArgs; // callee's params
  for (size_t k = 1; k < chain.size() && !ready.empty(); ++k) {
    const CallSite &site = model.function(chain[k].function).calls[chain[k].site];
    auto isReady = [&](int param) { return std::find(ready.begin(), ready.end(), param) != ready.end(); };
    if (k + 1 == chain.size())
      return site.receiverParam >= 0 && isReady(site.receiverParam);
    std::vector<int> next;
    for (size_t a = 0; a < site.argParams.size(); ++a)
      if (site.argParams[a] >= 0 && isReady(site.argParams[a]))
        next.push_back(int(a));
    ready = std::move(next);
  }
  return false;
}

void BlockingInCoroutineCheck::run(const CheckContext &ctx, std::vector<Finding> &out) const {
  const ProgramModel &model = ctx.model;
  const bool shortSections = ctx.options.get(kName, options().options[0]) != 0;
  const LongSections longSections(model, ctx.verdicts, ctx.options.get(kName, options().options[1]));
  // A mutex acquisition blocks only when some holder keeps the mutex long.
  auto mutexHeldLong = [&](int f, int s, const ApiEntry &api) {
    if (!api.has(EffectLock))
      return true;
    const std::vector<std::string> &acquires = model.function(f).calls[s].acquires;
    if (acquires.empty())
      return false; // a guard built with defer_lock, adopt_lock or nothing waits for nothing
    return shortSections || longSections.find(acquires) != nullptr;
  };
  BlockingReach reach(model, mutexHeldLong);
  const CoroutinePlacement placement(model);
  for (int f = 0; f < int(model.functions().size()); ++f) {
    const FunctionFacts &coroutine = model.function(f);
    if (!coroutine.isCoroutine || placement.startsOnPool(f))
      continue; // started on a pool's thread wherever it is created: no loop stalls
    for (int s = 0; s < int(coroutine.calls.size()); ++s) {
      if (coroutine.calls[s].onPool)
        continue; // the coroutine moved to a pool's thread: no loop stalls
      // The chain by its ends: a long one is not walked through its middle.
      ChainEnds chain = reach.chainEnds(f, s, kMaxChainNotes + 1, kChainEndNotes);
      if (chain.length == 0)
        continue;
      const CallSite &call = coroutine.calls[s];
      if (!call.readyArgs.empty() && waitsOnReadyArgument(model, reach.chainFrom(f, s)))
        continue;
      const BlockingStep &last = chain.tail.back();
      const CallSite &blocking = model.function(last.function).calls[last.site];
      const CallTarget &end = model.target(last.function, last.site);
      if (end.kind != CallTarget::Kind::Api || !end.api)
        continue; // not reached: a chain ends at the API call
      const ApiEntry &api = *end.api;
      const LongSection *section = api.has(EffectLock) ? longSections.find(blocking.acquires) : nullptr;
      Finding finding;
      finding.check = kName;
      finding.loc = call.loc;
      finding.function = coroutine.name;
      finding.message = "blocking call '" + blocking.displayName + "' inside coroutine '" +
                        coroutine.name + "' stalls the event loop";
      // One note per step after the coroutine's own call; a long chain keeps
      // its first and last steps and says how many are between.
      // A step into a virtual call's override says so (it rests on the
      // classes the program constructs).
      auto dispatch = [&](const BlockingStep &at, const BlockingStep *next) {
        if (!next)
          return;
        std::string why = model.dispatchNote(at.function, at.site, next->function);
        if (!why.empty())
          finding.notes.push_back({model.function(at.function).calls[at.site].loc, std::move(why)});
      };
      auto note = [&](const BlockingStep &at, const BlockingStep *next) {
        const FunctionFacts &caller = model.function(at.function);
        const CallSite &step = caller.calls[at.site];
        finding.notes.push_back({step.loc, "'" + caller.name + "' calls '" + step.displayName + "' here"});
        dispatch(at, next);
      };
      auto after = [](const std::vector<BlockingStep> &steps, size_t i) {
        return i + 1 < steps.size() ? &steps[i + 1] : nullptr;
      };
      dispatch(chain.head[0], after(chain.head, 0));
      const size_t steps = chain.length - 1;
      if (steps <= kMaxChainNotes) {
        for (size_t i = 1; i < chain.head.size(); ++i)
          note(chain.head[i], after(chain.head, i));
      } else {
        for (size_t i = 1; i <= kChainEndNotes; ++i)
          note(chain.head[i], after(chain.head, i));
        const BlockingStep &hidden = chain.head[kChainEndNotes + 1];
        finding.notes.push_back({model.function(hidden.function).calls[hidden.site].loc,
                                 "... " + std::to_string(steps - 2 * kChainEndNotes) + " calls not shown (the chain is " +
                                     std::to_string(chain.length) + " calls long) ..."});
        for (size_t i = 0; i < chain.tail.size(); ++i)
          note(chain.tail[i], after(chain.tail, i));
      }
      if (section) {
        const bool several = blocking.lockNames.size() > 1;
        const std::string mutex = blocking.lockNames.empty() ? "the mutex" : quotedList(blocking.lockNames);
        finding.notes.push_back({model.function(section->function).calls[section->site].loc,
                                 mutex + (several ? " are" : " is") + " held for long here: " + section->why});
      }
      if (!api.asyncAlternative.empty())
        finding.notes.push_back({call.loc, "suggestion: " + api.asyncAlternative});
      if (chain.length == 1)
        finding.fixes = fixFor(coroutine, call, api);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
