#include "model/BlockingReach.h"

#include "model/ProgramModel.h"

#include <algorithm>

namespace concur {

namespace {

bool listed(const std::vector<std::string> &names, const std::string &name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Flags that make a descriptor non-blocking as a mode of the descriptor
/// (as opposed to a flag of one call, MSG_DONTWAIT).
bool isModeFlag(const std::string &flag) { return flag == "O_NONBLOCK" || flag == "SOCK_NONBLOCK"; }

} // namespace

/// A descriptor call the code visibly made non-blocking: a flag of the call
/// itself (recv(..., MSG_DONTWAIT)), a test for EAGAIN/EWOULDBLOCK in the
/// same function (a read that expects "would block"), or a descriptor made
/// non-blocking anywhere in the program (model/Descriptors.h).
bool BlockingReach::nonBlockingHere(const ApiEntry &api, const FunctionFacts &fn, const CallSite &call) const {
  if (api.nonblockingFlags.empty())
    return false;
  bool modes = false;
  for (const std::string &flag : api.nonblockingFlags) {
    if (listed(call.argFlags, flag)) // open(path, O_RDONLY | O_NONBLOCK), recv(..., MSG_DONTWAIT)
      return true;
    if (isModeFlag(flag))
      modes = true;
    else if (listed(fn.flagNames, flag))
      return true;
  }
  if (!modes)
    return false;
  for (const char *evidence : {"EAGAIN", "EWOULDBLOCK", "resource_unavailable_try_again", "operation_would_block"})
    if (std::binary_search(fn.flagNames.begin(), fn.flagNames.end(), std::string(evidence)))
      return true;
  return descriptors_.contains(call.fdKey);
}

bool BlockingReach::blocksDirectly(int function, int site) const {
  const CallTarget &target = model_.target(function, site);
  if (target.kind != CallTarget::Kind::Api || !(target.effects & (EffectBlocking | EffectWait)))
    return false;
  const FunctionFacts &fn = model_.function(function);
  if (fn.calls[site].resultReady)
    return false; // a wait on what this coroutine already awaited or polled ready
  if (fn.calls[site].virtualFile && !(target.effects & EffectWait))
    return false; // file I/O on /proc or /sys: served from kernel memory
  if (nonBlockingHere(*target.api, fn, fn.calls[site]))
    return false;
  return !filter_ || filter_(function, site, *target.api);
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

BlockingReach::BlockingReach(const ProgramModel &model, Filter filter)
    : model_(model), filter_(std::move(filter)), descriptors_(model) {
  const int n = int(model.functions().size());
  best_.resize(n);
  tailStart_.assign(n, -1);
  // Shortest chains by breadth-first search from the blocking calls up the
  // reversed call graph (each call adds one step): every function and call
  // edge is visited once, however the graph is shaped. Coroutines called
  // are not run through (each is checked on its own), so no edge enters one.
  // Reversed edges in one array (counted, then filled: two passes).
  auto forEachEdge = [&](auto &&visit) {
    for (int f = 0; f < n; ++f)
      for (int s = 0; s < int(model.function(f).calls.size()); ++s) {
        const CallTarget &target = model.target(f, s);
        if (target.kind == CallTarget::Kind::Function)
          for (int callee : target.functions)
            if (!model.function(callee).isCoroutine)
              visit(f, callee);
      }
  };
  std::vector<int> callerStart(n + 1, 0), callers;
  forEachEdge([&](int, int callee) { ++callerStart[callee + 1]; });
  for (int f = 0; f < n; ++f)
    callerStart[f + 1] += callerStart[f];
  callers.resize(callerStart[n]);
  std::vector<int> fill(callerStart.begin(), callerStart.end() - 1);
  forEachEdge([&](int caller, int callee) { callers[fill[callee]++] = caller; });
  std::vector<int> length(n, 0), order;
  order.reserve(n);
  for (int f = 0; f < n; ++f)
    for (int s = 0; s < int(model.function(f).calls.size()); ++s)
      if (blocksDirectly(f, s)) {
        length[f] = 1;
        order.push_back(f);
        break;
      }
  for (size_t i = 0; i < order.size(); ++i) {
    int g = order[i];
    for (int c = callerStart[g]; c < callerStart[g + 1]; ++c)
      if (length[callers[c]] == 0) {
        length[callers[c]] = length[g] + 1;
        order.push_back(callers[c]);
      }
  }
  // In order of length, so that a chain's next function is done: its first
  // call site of the shortest length (and that site's first callee).
  for (int f : order) {
    best_[f].length = length[f];
    for (int s = 0; s < int(model.function(f).calls.size()); ++s) {
      Best candidate = viaSite(f, s);
      if (candidate.length == length[f]) {
        best_[f] = candidate;
        break;
      }
    }
    const Best &b = best_[f];
    tailStart_[f] = b.next < 0 || size_t(b.length) <= kMaxTail ? f : tailStart_[b.next];
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

namespace concur {

ChainEnds BlockingReach::chainEnds(int function, int site, size_t head, size_t tail) const {
  ChainEnds ends;
  Best step = viaSite(function, site);
  if (step.length == 0)
    return ends;
  ends.length = size_t(step.length);
  auto walk = [&](int from, Best at, size_t count, std::vector<BlockingStep> &out) {
    out.push_back({from, at.site});
    while (out.size() < count && at.next >= 0) {
      int f = at.next;
      at = best_[f];
      out.push_back({f, at.site});
    }
  };
  if (head > 0)
    walk(function, step, head, ends.head);
  tail = std::min(tail, kMaxTail);
  if (tail > 0) {
    // From the function where at most kMaxTail steps remain, to the end.
    std::vector<BlockingStep> last;
    if (step.next < 0 || size_t(step.length) <= kMaxTail)
      walk(function, step, kMaxTail, last);
    else
      walk(tailStart_[step.next], best_[tailStart_[step.next]], kMaxTail, last);
    size_t from = last.size() > tail ? last.size() - tail : 0;
    ends.tail.assign(last.begin() + from, last.end());
  }
  return ends;
}

} // namespace concur
