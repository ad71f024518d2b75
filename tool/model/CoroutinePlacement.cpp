#include "model/CoroutinePlacement.h"

#include "model/ProgramModel.h"

namespace concur {

namespace {

struct Creation {
  int caller;
  int site;
};

} // namespace

CoroutinePlacement::CoroutinePlacement(const ProgramModel &model) : onPool_(model.functions().size(), false) {
  const int n = int(model.functions().size());
  std::vector<std::vector<Creation>> creations(n);
  for (int f = 0; f < n; ++f)
    for (const CallEdge &edge : model.callees(f))
      if (!edge.viaCallback && model.function(edge.callee).isCoroutine)
        creations[edge.callee].push_back({f, edge.site});

  auto createdOnPool = [&](const Creation &c) {
    const CallSite &call = model.function(c.caller).calls[c.site];
    if (call.startsOnPool)
      return true;
    // co_await make_task(): the task runs inline, in the awaiting coroutine's context.
    return call.inAwaitOperand && (call.onPool || onPool_[c.caller]);
  };
  // A least fixpoint: a coroutine is on a pool only when that follows from a
  // start or a move somewhere, never from a cycle of awaits alone.
  for (bool changed = true; changed;) {
    changed = false;
    for (int f = 0; f < n; ++f) {
      if (onPool_[f] || creations[f].empty())
        continue;
      bool all = true;
      for (const Creation &c : creations[f])
        all = all && createdOnPool(c);
      if (all)
        changed = onPool_[f] = true;
    }
  }
}

} // namespace concur
