#include "rules/BlockingInCoroutine.h"

#include "model/BlockingReach.h"
#include "model/ProgramModel.h"

#include <string>

namespace concur {

namespace {

constexpr const char *kName = "concur-blocking-in-coroutine";

/// A chain of more than kMaxChainNotes steps (after the coroutine's own
/// call) is shown as its first and last kChainEndNotes steps and one note
/// in between that counts the others (docs/checks/concur-blocking-in-coroutine.md).
constexpr size_t kMaxChainNotes = 17;
constexpr size_t kChainEndNotes = 8;

/// The blocking API a chain ends at, as written at its call.
const CallSite &finalCall(const ProgramModel &model, const std::vector<BlockingStep> &chain) {
  const BlockingStep &last = chain.back();
  return model.function(last.function).calls[last.site];
}

/// A mechanical rewrite that is safe: a direct std::this_thread::sleep_for
/// in a coroutine of the runtime's task type becomes co_await concur::sleep_for.
std::vector<Fix> fixFor(const FunctionFacts &coroutine, const CallSite &call, const ApiEntry &api) {
  if (coroutine.returnType != "::concur::task" || call.calleeName != "::std::this_thread::sleep_for" ||
      call.calleeLength == 0)
    return {};
  return {{call.loc.file, call.loc.offset, call.calleeLength, "co_await concur::sleep_for"}};
}

} // namespace

CheckInfo BlockingInCoroutineCheck::info() {
  return {kName,
          "a call that can block the thread, directly or through a chain of calls, inside a coroutine",
          /*enabledByDefault=*/true, OptionTable{kName, {}},
          [] { return std::make_unique<BlockingInCoroutineCheck>(); }};
}

void BlockingInCoroutineCheck::run(const CheckContext &ctx, std::vector<Finding> &out) const {
  const ProgramModel &model = ctx.model;
  BlockingReach reach(model);
  for (int f = 0; f < int(model.functions().size()); ++f) {
    const FunctionFacts &coroutine = model.function(f);
    if (!coroutine.isCoroutine)
      continue;
    for (int s = 0; s < int(coroutine.calls.size()); ++s) {
      std::vector<BlockingStep> chain = reach.chainFrom(f, s);
      if (chain.empty())
        continue;
      const CallSite &call = coroutine.calls[s];
      const CallSite &blocking = finalCall(model, chain);
      const CallTarget &end = model.target(chain.back().function, chain.back().site);
      if (end.kind != CallTarget::Kind::Api || !end.api)
        continue; // not reached: chainFrom ends at the API call
      const ApiEntry &api = *end.api;
      Finding finding;
      finding.check = kName;
      finding.loc = call.loc;
      finding.function = coroutine.name;
      finding.message = "blocking call '" + blocking.displayName + "' inside coroutine '" +
                        coroutine.name + "' stalls the event loop";
      // One note per step after the coroutine's own call; a long chain keeps
      // its first and last steps and says how many are between.
      const size_t steps = chain.size() - 1;
      for (size_t i = 1; i < chain.size(); ++i) {
        const FunctionFacts &caller = model.function(chain[i].function);
        const CallSite &step = caller.calls[chain[i].site];
        if (steps > kMaxChainNotes && i == kChainEndNotes + 1) {
          const size_t hidden = steps - 2 * kChainEndNotes;
          finding.notes.push_back({step.loc, "... " + std::to_string(hidden) + " calls not shown (the chain is " +
                                                 std::to_string(chain.size()) + " calls long) ..."});
          i += hidden - 1;
          continue;
        }
        finding.notes.push_back({step.loc, "'" + caller.name + "' calls '" + step.displayName + "' here"});
      }
      if (!api.asyncAlternative.empty())
        finding.notes.push_back({call.loc, "suggestion: " + api.asyncAlternative});
      if (chain.size() == 1)
        finding.fixes = fixFor(coroutine, call, api);
      out.push_back(std::move(finding));
    }
  }
}

} // namespace concur
