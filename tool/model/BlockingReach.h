// For every function, the shortest chain of ordinary (non-coroutine) calls
// that reaches a blocking API, if any. Shared by the coroutine checks and the
// report, computed once per run.
#pragma once

#include <vector>

namespace concur {

class ProgramModel;

struct BlockingStep {
  int function = -1; // the function making the call
  int site = -1;     // index into its calls
};

class BlockingReach {
public:
  explicit BlockingReach(const ProgramModel &model);

  /// Whether the call site itself reaches a blocking API (directly or
  /// through its callee), and the chain of steps from the call down to the
  /// blocking API call (the first step is `function`/`site` itself). The
  /// chain is complete: its last step is the blocking API call.
  std::vector<BlockingStep> chainFrom(int function, int site) const;

  /// True when calling `site` of `function` blocks right there: a catalogued
  /// blocking API not visibly made non-blocking in `function`.
  bool blocksDirectly(int function, int site) const;

private:
  struct Best {
    int length = 0; // 0: does not reach
    int site = -1;  // the call in this function that starts the chain
    int next = -1;  // callee function, or -1 when the site is the API call
  };
  Best viaSite(int function, int site) const;

  const ProgramModel &model_;
  std::vector<Best> best_;
};

} // namespace concur
