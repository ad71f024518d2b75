// The estimated work of a function, as the classifier accumulates it.
//
// Evidence is kept linear in functions + call edges: a function keeps at
// most kKeptEvidence items (the heaviest) and as many waits at co_await,
// and an item reached through
// callees does not store its `via` list. Each item is a key of an
// EvidenceTable, shared by the whole run, that is hash-consed: an item of a
// function's own work is the key of its fact (message, file, line); an item
// reached through callee `g` is the key (name of g, key of the item in g).
// Two items are the same fact reached the same way exactly when their keys
// are equal, and the `via` list is rebuilt from the key when a verdict is
// printed (EvidenceTable::evidence), never stored per function and fact.
#pragma once

#include "classify/Verdict.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace concur {

/// Items a function keeps for its callers. The verdict shows 6: a caller's
/// 6 heaviest are among its own items and its callees' kept items (a
/// callee's items are all scaled by the same call count, so their order is
/// kept), with room to spare for a fact reached through two different
/// callees of the same name, whose weights add up in the caller.
constexpr size_t kKeptEvidence = 12;
/// Unknown callees counted for the confidence: only min(count, 6) is used,
/// so 6 distinct names are exact for it.
constexpr size_t kCountedUnknownCallees = 6;
/// A `via` list longer than this is printed as its first and last
/// kViaEnds names around one marker "... N more calls ..." (docs/usage.md).
constexpr size_t kMaxVia = 17;
constexpr size_t kViaEnds = 8;

class EvidenceTable {
public:
  /// The key of a fact of a function's own work; `suspension`: the fact is
  /// the wait at one of a coroutine's co_awaits.
  int own(const std::string &message, const SourceLoc &loc, bool suspension = false);
  /// Whether the item is a coroutine's wait at a co_await, however reached.
  bool isSuspension(int key) const { return facts_[keys_[key].fact].suspension; }
  /// The key of `child` (an item of callee `name`) seen from the caller.
  int through(const std::string &name, int child);
  /// The item as the verdict shows it; `via` bounded by kMaxVia.
  Evidence evidence(int key, double weightNs) const;
  /// The number of callee names between the function and the fact.
  size_t viaLength(int key) const { return size_t(keys_[key].length); }

private:
  struct Key {
    int name;   // index into names_, -1 for an own fact
    int child;  // the callee's key; for an own fact, index into facts_
    int fact;   // index into facts_
    int length; // callee names from here to the fact
    int suffix; // the key of the last (at most) kViaEnds names
  };
  struct Fact {
    std::string message;
    SourceLoc loc;
    bool suspension = false;
  };
  std::vector<Key> keys_;
  std::vector<Fact> facts_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> nameIds_;
  std::unordered_map<std::string, int> factKeys_;      // message + file + line
  std::unordered_map<long long, int> throughKeys_;     // (name, child)
};

struct EvidenceItem {
  int key;
  double weightNs;
};

/// What the loops around a repeated piece of work let it do
/// (Classifier::repetition): its rounds could run at the same time (waits to
/// gather), and a parallel_for could split them (they write no shared state).
struct Repetition {
  bool independent = true;
  bool splittable = false;
};

struct Work {
  double cpuNs = 0;
  double waitNs = 0;
  double assumedNs = 0;   // the part that rests on assumed trip counts
  double syncWaitNs = 0;  // the part of waitNs spent waiting for other threads/processes
  double lockNs = 0;      // the part of waitNs assumed for acquiring locks (LockWaitNs each)
  unsigned waits = 0;     // blocking calls executed (scaled by loops)
  unsigned syncWaits = 0; // the part of waits that wait for other threads/processes (joins, futures)
  double suspendNs = 0;   // the part of waitNs spent at co_await in a coroutine (its own or awaited ones')
  /// The part of cpuNs a coroutine runs in its own body after moving itself
  /// to a pool (`co_await pool.schedule()`); not passed on to callers.
  double onPoolCpuNs = 0;
  unsigned suspendWaits = 0; // the part of waits that are those co_awaits
  /// The parts of cpuNs and waitNs reached through a call with several
  /// candidates (a virtual call's overriders, a stored callable's targets),
  /// charged as its heaviest: the analysis chose them, the code may not.
  double chosenCpuNs = 0;
  double chosenWaitNs = 0;
  /// The part of cpuNs in loops whose iterations are independent and write
  /// no shared state, its own or its callees': what parallel_for can split.
  double splitNs = 0;
  bool forkJoin = false;  // starts threads or pool jobs and waits for them: their work is its own
  bool waitsRepeat = false;       // waits in a loop whose rounds are independent (DecisionFacts)
  bool waitsWithoutAsync = false; // a wait whose API has no async alternative
  bool mtUnsafe = false;
  /// A non-thread-safe call runs on a hot path: in a loop of the function
  /// that makes it, or of a caller that calls that function in a loop.
  bool mtUnsafeHot = false;
  std::vector<std::string> mtUnsafeNames; // those calls' names, at most 3
  bool indirect = false;
  /// How many nested loops of unknown size the heaviest growing work runs
  /// in (its degree: 1 for O(n), 2 for O(n^2)); 0 when its size is known.
  unsigned growth = 0;
  std::string growthOver; // what the outermost of those loops runs over, as written
  std::vector<std::string> unknownCallees; // distinct, at most kCountedUnknownCallees
  std::vector<EvidenceItem> evidence;      // distinct keys, in the order first reached

  /// Adds `other` executed `times` times. `via` is the callee's name when
  /// `other` is a callee's work (nullptr: the function's own, as an API
  /// call's). `allAssumed`: the count rests on an assumed trip count, so all
  /// of `other`'s computation is assumed. `rounds`: what the loops that
  /// repeat it `times` times allow.
  void add(const Work &other, double times, EvidenceTable &table, const std::string *via = nullptr,
           bool allAssumed = false, Repetition rounds = {});
  void addEvidence(EvidenceTable &table, const std::string &message, const SourceLoc &loc, double weightNs);
  /// Adds the wait at a co_await of the function, `times` suspensions of `ns`.
  void addSuspension(EvidenceTable &table, const std::string &message, const SourceLoc &loc, double ns, double times,
                     Repetition rounds = {});
  /// This work as a caller that does not await the coroutine sees it: the
  /// coroutine runs until it first suspends, and its waits at co_await are
  /// its own, not the caller's, which gets control back.
  Work withoutSuspensions(const EvidenceTable &table) const;
  void addUnknownCallee(const std::string &name);
  /// Notes computation that grows with a size nothing gives, `degree`
  /// loops deep, over `over`.
  void addGrowth(unsigned degree, const std::string &over);
  /// Keeps the `keep` heaviest items (the earlier of equal ones), in their
  /// order, and drops the index used while accumulating. Waits at co_await
  /// and the other items are kept `keep` each: a caller that does not await
  /// the coroutine drops the waits (withoutSuspensions), and the rest must
  /// still be there to explain what it keeps.
  void trimEvidence(size_t keep, const EvidenceTable &table);

private:
  void addItem(int key, double weightNs);
  std::unordered_map<int, size_t> index_; // key -> position in evidence, while accumulating
};

} // namespace concur
