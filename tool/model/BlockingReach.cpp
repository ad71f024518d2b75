#include "model/BlockingReach.h"

#include "model/ProgramModel.h"

#include <algorithm>

namespace concur {

namespace {

bool visiblyNonBlocking(const ApiEntry &api, const FunctionFacts &fn) {
  for (const auto &flag : api.nonblockingFlags)
    if (std::binary_search(fn.flagNames.begin(), fn.flagNames.end(), flag))
      return true;
  return false;
}

} // namespace

bool BlockingReach::blocksDirectly(int function, int site) const {
  const CallTarget &target = model_.target(function, site);
  if (target.kind != CallTarget::Kind::Api || !target.api->blocks())
    return false;
  return !visiblyNonBlocking(*target.api, model_.function(function));
}

BlockingReach::Best BlockingReach::viaSite(int function, int site) const {
  if (blocksDirectly(function, site))
    return {1, site, -1};
  const CallTarget &target = model_.target(function, site);
  Best best;
  if (target.kind != CallTarget::Kind::Function)
    return best;
  // Coroutines called here are not run through: each is checked on its own.
  for (int callee : target.functions) {
    const Best &b = best_[callee];
    if (b.length == 0 || model_.function(callee).isCoroutine)
      continue;
    if (best.length == 0 || b.length + 1 < best.length)
      best = {b.length + 1, site, callee};
  }
  return best;
}

BlockingReach::BlockingReach(const ProgramModel &model) : model_(model) {
  best_.resize(model.functions().size());
  // Bottom-up over SCCs; inside a cycle relax until nothing shortens.
  for (const auto &scc : model.sccsBottomUp()) {
    for (bool changed = true; changed;) {
      changed = false;
      for (int f : scc) {
        for (int s = 0; s < int(model.function(f).calls.size()); ++s) {
          Best candidate = viaSite(f, s);
          if (candidate.length && (best_[f].length == 0 || candidate.length < best_[f].length)) {
            best_[f] = candidate;
            changed = true;
          }
        }
      }
    }
  }
}

std::vector<BlockingStep> BlockingReach::chainFrom(int function, int site) const {
  std::vector<BlockingStep> chain;
  Best step = viaSite(function, site);
  if (step.length == 0)
    return chain;
  // Followed to the end, however long: each link's length is one less than
  // the one before, so the walk ends at the API call after `length` steps.
  chain.reserve(size_t(step.length));
  chain.push_back({function, site});
  while (step.next >= 0) {
    int f = step.next;
    step = best_[f];
    chain.push_back({f, step.site});
  }
  return chain;
}

} // namespace concur
