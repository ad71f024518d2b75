// The estimated work of a function, as the classifier accumulates it.
#pragma once

#include "classify/Verdict.h"

#include <set>
#include <string>
#include <vector>

namespace concur {

struct Work {
  double cpuNs = 0;
  double waitNs = 0;
  double assumedNs = 0;   // the part that rests on assumed trip counts
  double syncWaitNs = 0;  // the part of waitNs spent waiting for other threads/processes
  unsigned waits = 0;     // blocking calls executed (scaled by loops)
  bool waitsRepeat = false;       // several waits, or waits inside a loop
  bool waitsWithoutAsync = false; // a wait whose API has no async alternative
  bool mtUnsafe = false;
  bool indirect = false;
  std::set<std::string> unknownCallees;
  std::vector<Evidence> evidence;

  /// Adds `other` executed `times` times, reached through `via` (empty when
  /// it is the function's own work).
  void add(const Work &other, double times, const std::string &via);
  void addEvidence(Evidence e);
  void trimEvidence(size_t keep);
};

} // namespace concur
