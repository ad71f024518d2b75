#include "classify/Work.h"

#include <algorithm>
#include <numeric>

namespace concur {

int EvidenceTable::own(const std::string &message, const SourceLoc &loc, bool suspension) {
  // The same fact is the same message at the same file and line (two calls
  // of one helper reach it twice: one item).
  std::string id = message;
  id += '\0';
  id += loc.file;
  id += '\0';
  id += std::to_string(loc.line);
  auto [it, fresh] = factKeys_.try_emplace(std::move(id), int(keys_.size()));
  if (fresh) {
    int self = int(keys_.size());
    facts_.push_back({message, loc, suspension});
    keys_.push_back({-1, int(facts_.size()) - 1, int(facts_.size()) - 1, 0, self});
  }
  return it->second;
}

int EvidenceTable::through(const std::string &name, int child) {
  auto [nameIt, freshName] = nameIds_.try_emplace(name, int(names_.size()));
  if (freshName)
    names_.push_back(name);
  const int nameId = nameIt->second;
  const long long id = (static_cast<long long>(nameId) << 32) | static_cast<unsigned>(child);
  auto [it, fresh] = throughKeys_.try_emplace(id, int(keys_.size()));
  if (fresh) {
    const Key &c = keys_[child];
    int self = int(keys_.size());
    int length = c.length + 1;
    int suffix = size_t(length) <= kViaEnds ? self : c.suffix;
    keys_.push_back({nameId, child, c.fact, length, suffix});
  }
  return it->second;
}

Evidence EvidenceTable::evidence(int key, double weightNs) const {
  const Key &k = keys_[key];
  const Fact &fact = facts_[k.fact];
  Evidence e{fact.message, fact.loc, {}, weightNs};
  auto walk = [&](int from, size_t count) {
    for (int at = from; count > 0 && keys_[at].name >= 0; at = keys_[at].child, --count)
      e.via.push_back(names_[keys_[at].name]);
  };
  const size_t length = size_t(k.length);
  if (length <= kMaxVia) {
    walk(key, length);
  } else {
    walk(key, kViaEnds);
    e.via.push_back("... " + std::to_string(length - 2 * kViaEnds) + " more calls ...");
    walk(k.suffix, kViaEnds);
  }
  return e;
}

void Work::add(const Work &other, double times, EvidenceTable &table, const std::string *via, bool allAssumed,
               Repetition rounds) {
  cpuNs += other.cpuNs * times;
  splitNs += (rounds.splittable && times > 1 ? other.cpuNs : other.splitNs) * times;
  waitNs += other.waitNs * times;
  assumedNs += (allAssumed ? other.cpuNs : other.assumedNs) * times;
  syncWaitNs += other.syncWaitNs * times;
  lockNs += other.lockNs * times;
  // A callee's count is bounded once as it is reached, then as it is repeated.
  double otherWaits = via ? double(unsigned(std::min(1e6, double(other.waits)))) : double(other.waits);
  waits += unsigned(std::min(1e6, otherWaits * times));
  double otherSync = via ? double(unsigned(std::min(1e6, double(other.syncWaits)))) : double(other.syncWaits);
  syncWaits += unsigned(std::min(1e6, otherSync * times));
  suspendNs += other.suspendNs * times;
  chosenCpuNs += other.chosenCpuNs * times;
  chosenWaitNs += other.chosenWaitNs * times;
  double otherSuspend = via ? double(unsigned(std::min(1e6, double(other.suspendWaits)))) : double(other.suspendWaits);
  suspendWaits += unsigned(std::min(1e6, otherSuspend * times));
  forkJoin |= other.forkJoin;
  waitsRepeat |= other.waitsRepeat || (other.waits > 0 && times > 1 && rounds.independent);
  waitsWithoutAsync |= other.waitsWithoutAsync;
  mtUnsafe |= other.mtUnsafe;
  mtUnsafeHot |= other.mtUnsafeHot || (other.mtUnsafe && times > 1);
  for (const std::string &name : other.mtUnsafeNames)
    if (mtUnsafeNames.size() < 3 && std::find(mtUnsafeNames.begin(), mtUnsafeNames.end(), name) == mtUnsafeNames.end())
      mtUnsafeNames.push_back(name);
  indirect |= other.indirect;
  addGrowth(other.growth, other.growthOver);
  for (const std::string &name : other.unknownCallees)
    addUnknownCallee(name);
  for (const EvidenceItem &item : other.evidence)
    addItem(via ? table.through(*via, item.key) : item.key, item.weightNs * times);
}

void Work::addEvidence(EvidenceTable &table, const std::string &message, const SourceLoc &loc, double weightNs) {
  addItem(table.own(message, loc), weightNs);
}

void Work::addSuspension(EvidenceTable &table, const std::string &message, const SourceLoc &loc, double ns,
                         double times, Repetition rounds) {
  waitNs += ns * times;
  suspendNs += ns * times;
  waits += 1;
  suspendWaits += 1;
  waitsRepeat |= times > 1 && rounds.independent;
  addItem(table.own(message, loc, /*suspension=*/true), ns * times);
}

Work Work::withoutSuspensions(const EvidenceTable &table) const {
  Work w = *this;
  w.waitNs = std::max(0.0, waitNs - suspendNs);
  w.waits -= std::min(waits, suspendWaits);
  w.suspendNs = 0;
  w.suspendWaits = 0;
  w.chosenWaitNs = std::min(chosenWaitNs, w.waitNs);
  w.index_.clear();
  w.evidence.clear();
  for (const EvidenceItem &item : evidence)
    if (!table.isSuspension(item.key))
      w.evidence.push_back(item);
  return w;
}

void Work::addGrowth(unsigned degree, const std::string &over) {
  if (degree > growth || (degree == growth && growthOver.empty())) {
    growth = degree;
    growthOver = over;
  }
}

void Work::addUnknownCallee(const std::string &name) {
  if (unknownCallees.size() < kCountedUnknownCallees &&
      std::find(unknownCallees.begin(), unknownCallees.end(), name) == unknownCallees.end())
    unknownCallees.push_back(name);
}

void Work::addItem(int key, double weightNs) {
  if (index_.empty() && !evidence.empty()) // a stored (trimmed) work accumulating again
    for (size_t i = 0; i < evidence.size(); ++i)
      index_.emplace(evidence[i].key, i);
  auto [it, fresh] = index_.try_emplace(key, evidence.size());
  if (fresh)
    evidence.push_back({key, weightNs});
  else
    evidence[it->second].weightNs += weightNs;
}

void Work::trimEvidence(size_t keep, const EvidenceTable &table) {
  // Released, not cleared (`index_ = {}` would clear and keep the buckets,
  // which every copy of this work would then allocate and zero again).
  std::unordered_map<int, size_t>().swap(index_);
  if (evidence.size() <= keep)
    return;
  std::vector<size_t> order(evidence.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return evidence[a].weightNs > evidence[b].weightNs; });
  size_t taken[2] = {0, 0}; // other items, waits at co_await
  order.erase(std::remove_if(order.begin(), order.end(),
                             [&](size_t i) { return taken[table.isSuspension(evidence[i].key)]++ >= keep; }),
              order.end());
  std::sort(order.begin(), order.end());
  std::vector<EvidenceItem> kept;
  kept.reserve(order.size());
  for (size_t i : order)
    kept.push_back(evidence[i]);
  evidence = std::move(kept);
}

} // namespace concur
