// For every function, the shortest chain of ordinary (non-coroutine) calls
// that reaches a blocking API, if any. Shared by the coroutine checks and the
// report, computed once per run in time linear in functions + call sites.
#pragma once

#include "model/Descriptors.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace concur {

class ProgramModel;

struct BlockingStep {
  int function = -1; // the function making the call
  int site = -1;     // index into its calls
};

/// A chain by its ends: what a diagnostic shows of a long chain.
struct ChainEnds {
  size_t length = 0;              // steps in the whole chain; 0: the site does not reach
  std::vector<BlockingStep> head; // the first min(length, head) steps
  std::vector<BlockingStep> tail; // the last min(length, tail) steps (the API call last)
};

struct ApiEntry;
struct CallSite;
struct FunctionFacts;

class BlockingReach {
public:
  /// Decides whether a catalogued blocking call (`function`'s call `site`,
  /// resolved to `api`) counts; without one, every such call does.
  using Filter = std::function<bool(int function, int site, const ApiEntry &api)>;

  explicit BlockingReach(const ProgramModel &model, Filter filter = {});

  /// Whether the call site itself reaches a blocking API (directly or
  /// through its callee), and the chain of steps from the call down to the
  /// blocking API call (the first step is `function`/`site` itself). The
  /// chain is complete: its last step is the blocking API call.
  std::vector<BlockingStep> chainFrom(int function, int site) const;

  /// The same chain's length and ends, in time proportional to `head` +
  /// `tail` whatever the length (`tail` at most kMaxTail).
  ChainEnds chainEnds(int function, int site, size_t head, size_t tail) const;
  static constexpr size_t kMaxTail = 16;

  /// True when calling `site` of `function` blocks right there: a catalogued
  /// blocking API not visibly made non-blocking in `function`, that the
  /// filter keeps.
  bool blocksDirectly(int function, int site) const;

private:
  struct Best {
    int length = 0; // 0: does not reach
    int site = -1;  // the call in this function that starts the chain
    int next = -1;  // callee function, or -1 when the site is the API call
  };
  Best viaSite(int function, int site) const;

  bool nonBlockingHere(const ApiEntry &api, const FunctionFacts &fn, const CallSite &call) const;

  const ProgramModel &model_;
  Filter filter_;
  NonblockingDescriptors descriptors_;
  std::vector<Best> best_;
  std::vector<int> tailStart_; // the function of the chain from which at most kMaxTail steps remain
};

} // namespace concur
