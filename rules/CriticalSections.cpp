#include "rules/CriticalSections.h"

#include "model/BlockingReach.h"
#include "model/ProgramModel.h"
#include "support/Format.h"

namespace concur {

namespace {

/// Why the call at `site` keeps the section long, or empty when it does not.
std::string longCall(const ProgramModel &model, const BlockingReach &reach, const std::vector<Verdict> &verdicts,
                     double minCpuNs, int f, int site) {
  const FunctionFacts &fn = model.function(f);
  const CallSite &call = fn.calls[site];
  const CallTarget &target = model.target(f, site);
  if (target.kind == CallTarget::Kind::Api && (target.effects & EffectCpu))
    return "'" + fn.name + "' calls CPU-heavy '" + call.displayName + "'";
  if (target.kind == CallTarget::Kind::Function)
    for (int callee : target.functions) {
      // As in concur-cpu-in-event-loop: only work the code shows, not assumed trip counts.
      const double knownNs = verdicts[callee].cpuNs - verdicts[callee].assumedCpuNs;
      if (knownNs >= minCpuNs && !model.function(callee).isCoroutine)
        return "'" + fn.name + "' calls CPU-bound '" + model.function(callee).name + "' (~" +
               approxCount(knownNs / 1e6) + " ms estimated)";
    }
  ChainEnds chain = reach.chainEnds(f, site, 0, 1);
  if (chain.length == 0)
    return {};
  const BlockingStep &last = chain.tail.back();
  return "'" + fn.name + "' calls '" + model.function(last.function).calls[last.site].displayName + "'" +
         (chain.length > 1 ? " (through " + std::to_string(chain.length - 1) + " calls)" : "");
}

/// Nested locks and condition-variable waits do not make a section long: a
/// nested lock is long only if its own sections are, and a wait releases
/// the mutex while it waits.
bool keepsHolding(int, int, const ApiEntry &api) {
  return !api.has(EffectLock) && api.category != "condvar-wait";
}

} // namespace

LongSections::LongSections(const ProgramModel &model, const std::vector<Verdict> &verdicts, double minCpuNs) {
  const BlockingReach reach(model, keepsHolding);
  for (int f = 0; f < int(model.functions().size()); ++f) {
    const FunctionFacts &fn = model.function(f);
    for (int s = 0; s < int(fn.calls.size()); ++s) {
      const CallSite &call = fn.calls[s];
      if (call.locksHeld.empty())
        continue;
      bool needed = false; // only compute why for a mutex not yet known long
      for (const std::string &key : call.locksHeld)
        needed |= key.rfind("expr:", 0) != 0 && !byMutex_.count(key);
      if (!needed)
        continue;
      std::string why = longCall(model, reach, verdicts, minCpuNs, f, s);
      if (why.empty())
        continue;
      for (const std::string &key : call.locksHeld)
        if (key.rfind("expr:", 0) != 0)
          byMutex_.try_emplace(key, LongSection{f, s, why});
    }
  }
}

const LongSection *LongSections::find(const std::vector<std::string> &mutexes) const {
  for (const std::string &key : mutexes)
    if (auto it = byMutex_.find(key); it != byMutex_.end())
      return &it->second;
  return nullptr;
}

} // namespace concur
