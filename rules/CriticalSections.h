// Which mutexes some holder keeps for long: a critical section that blocks,
// waits or does heavy work while the mutex is held.
//
// concur-blocking-in-coroutine reports a mutex acquired in a coroutine only
// when such a section exists for the same mutex somewhere in the program:
// taking a mutex that every holder keeps for a few instructions does not
// stall a loop (issue 9, item 5). Mutexes are the lock keys of the facts
// ('v:<usr>' for variables, 'm:<usr>' for data members), program-wide.
#pragma once

#include "classify/Verdict.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace concur {

class BlockingReach;
class ProgramModel;

struct LongSection {
  int function = -1;
  int site = -1;    // the call made while the mutex is held
  std::string why;  // "'f' calls 'recv'", "'f' calls CPU-bound 'g' (~3 ms)"
};

class LongSections {
public:
  /// `minCpuNs`: a call estimated at this much computation is heavy.
  LongSections(const ProgramModel &model, const std::vector<Verdict> &verdicts, double minCpuNs);

  /// A long section of one of `mutexes`, or null.
  const LongSection *find(const std::vector<std::string> &mutexes) const;

private:
  std::unordered_map<std::string, LongSection> byMutex_;
};

} // namespace concur
