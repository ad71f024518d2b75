#include "classify/Work.h"

#include <algorithm>

namespace concur {

void Work::add(const Work &other, double times, const std::string &via) {
  cpuNs += other.cpuNs * times;
  waitNs += other.waitNs * times;
  assumedNs += other.assumedNs * times;
  syncWaitNs += other.syncWaitNs * times;
  waits += unsigned(std::min(1e6, other.waits * times));
  waitsRepeat |= other.waitsRepeat || (other.waits > 0 && times > 1);
  waitsWithoutAsync |= other.waitsWithoutAsync;
  mtUnsafe |= other.mtUnsafe;
  indirect |= other.indirect;
  unknownCallees.insert(other.unknownCallees.begin(), other.unknownCallees.end());
  for (Evidence e : other.evidence) {
    if (!via.empty())
      e.via.insert(e.via.begin(), via);
    e.weightNs *= times;
    addEvidence(std::move(e));
  }
}

void Work::addEvidence(Evidence e) {
  // The same fact reached twice (two calls of one helper) is one item.
  for (Evidence &existing : evidence)
    if (existing.message == e.message && existing.loc.file == e.loc.file &&
        existing.loc.line == e.loc.line && existing.via == e.via) {
      existing.weightNs += e.weightNs;
      return;
    }
  evidence.push_back(std::move(e));
}

void Work::trimEvidence(size_t keep) {
  std::stable_sort(evidence.begin(), evidence.end(), [](const Evidence &a, const Evidence &b) {
    return a.weightNs > b.weightNs;
  });
  if (evidence.size() > keep)
    evidence.resize(keep);
}

} // namespace concur
