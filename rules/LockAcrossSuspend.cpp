#include "rules/LockAcrossSuspend.h"

#include "model/ProgramModel.h"
#include "support/Format.h"

#include <algorithm>
#include <map>

namespace concur {

namespace {

constexpr const char *kName = "concur-lock-across-suspend";

const char *suspendWord(Suspension::Kind kind) {
  return kind == Suspension::Kind::Yield ? "co_yield" : "co_await";
}

/// The call sites acquiring each lock key, in site order.
std::map<std::string, std::vector<int>> acquisitions(const FunctionFacts &fn) {
  std::map<std::string, std::vector<int>> sites;
  for (int s = 0; s < int(fn.calls.size()); ++s)
    for (const std::string &key : fn.calls[s].acquires) {
      auto &list = sites[key];
      if (list.empty() || list.back() != s)
        list.push_back(s);
    }
  return sites;
}

/// The acquisition of `key` in `fn` that a suspension at `offset` sees: the
/// last one written before it, or the last one of the function (a loop).
int acquisitionOf(const FunctionFacts &fn, const std::map<std::string, std::vector<int>> &sites,
                  const std::string &key, unsigned offset) {
  auto it = sites.find(key);
  if (it == sites.end())
    return -1;
  int best = -1;
  for (int s : it->second)
    if (fn.calls[s].loc.offset <= offset && (best < 0 || fn.calls[s].loc.offset > fn.calls[best].loc.offset))
      best = s;
  return best >= 0 ? best : it->second.back();
}

} // namespace

CheckInfo LockAcrossSuspendCheck::info() {
  return {kName, "a lock held while the coroutine suspends at co_await or co_yield",
          /*enabledByDefault=*/true, OptionTable{kName, {}},
          [] { return std::make_unique<LockAcrossSuspendCheck>(); }};
}

void LockAcrossSuspendCheck::run(const CheckContext &ctx, std::vector<Finding> &out) const {
  for (const FunctionFacts &fn : ctx.model.functions()) {
    if (!fn.isCoroutine)
      continue;
    // One warning per acquisition, one note per suspension it is held across.
    std::map<int, Finding> byAcquisition;
    const auto sites = acquisitions(fn);
    for (const Suspension &suspension : fn.suspensions) {
      if (suspension.kind == Suspension::Kind::Return)
        continue; // locals are destroyed before the final suspend
      for (const std::string &key : suspension.locksMaybeHeld) {
        int site = acquisitionOf(fn, sites, key, suspension.loc.offset);
        if (site < 0)
          continue;
        const CallSite &acquire = fn.calls[site];
        bool always = std::binary_search(suspension.locksHeld.begin(), suspension.locksHeld.end(), key);
        auto [it, fresh] = byAcquisition.try_emplace(site);
        Finding &finding = it->second;
        if (fresh) {
          finding.check = kName;
          finding.loc = acquire.loc;
          finding.function = fn.name;
          const bool several = acquire.lockNames.size() > 1;
          std::string name = acquire.lockNames.empty() ? "a mutex" : quotedList(acquire.lockNames);
          finding.message = std::string(several ? "locks on " : "lock on ") + name + (several ? " are" : " is") +
                            " held across a suspension point in coroutine '" + fn.name + "'" +
                            (always ? "" : " on some paths");
        }
        finding.notes.push_back({suspension.loc, std::string("suspension point is here (") +
                                                     suspendWord(suspension.kind) + ")"});
      }
    }
    for (auto &[site, finding] : byAcquisition) {
      finding.notes.push_back({finding.loc, "suggestion: release the lock before suspending, or "
                                            "use a concur::semaphore between tasks"});
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
