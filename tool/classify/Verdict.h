// The classifier's answer for one function.
#pragma once

#include "facts/Facts.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concur {

enum class WorkKind { Neutral, Io, Cpu, Mixed };
enum class Recommendation { None, Async, Threads, Processes };

const char *kindName(WorkKind kind);
const char *recommendationName(Recommendation rec);

struct Evidence {
  std::string message;
  SourceLoc loc;
  std::vector<std::string> via; // callees between the function and the evidence
  double weightNs = 0;
};

/// What the decision table needs beyond the kind. Kept in the verdict so
/// that a measured kind (--profile) is turned into a recommendation by the
/// same table, with the same facts, as the static one.
struct DecisionFacts {
  bool coroutine = false;
  /// A coroutine that only co_yields (a synchronous generator): its body runs
  /// on the thread that iterates it, a step per element, so it is advised
  /// as a function, not as a coroutine that can offload (`coroutine` false).
  bool generator = false;
  bool waitsOnOthers = false;     // most of its waiting is for other threads or processes
  bool waitsWithoutAsync = false; // a wait whose API has no async alternative
  /// Waits repeated by a loop whose iterations are independent (a range or
  /// a count the body does not change, no early exit, no input carried from
  /// the last round): waits that could run at once. A loop of waits one
  /// after another on one stream (chunked writes, a read until EOF, a poll)
  /// is not this.
  bool waitsRepeat = false;
  bool mtUnsafe = false;          // calls functions that are not thread-safe, on a hot path (in a loop)
  std::vector<std::string> mtUnsafeNames; // those functions, at most 3
  /// The heaviest computation, as the advice names it: "'f'" for a callee,
  /// "the loop at line N" for its own loop. Empty when it has none.
  std::string heaviest;
  bool forkJoin = false;          // starts threads or pool jobs and waits for them
  /// At least half its computation (its own or its callees') lies in loops
  /// whose iterations are independent (a range or a count the body does not
  /// change, no early exit, no shared writes): loops concur::parallel_for
  /// can split (Work::splitNs). Otherwise its computation is a sequence (a
  /// search, a chain, a scan) or lies in calls that are not such loops.
  bool splittable = false;
  bool structor = false;          // a constructor or destructor: cannot become a coroutine
  bool cpuOnPool = false;         // a coroutine whose computation runs after it moved to a pool
};

/// A function's entries of a runtime profile, summed, and the kind they show.
struct Measurement {
  WorkKind kind = WorkKind::Neutral;
  uint64_t calls = 0;
  uint64_t wallNs = 0;
  uint64_t cpuNs = 0;
  uint64_t blockedNs = 0;
};

struct Verdict {
  WorkKind kind = WorkKind::Neutral;
  double confidence = 1;
  std::vector<Evidence> evidence;
  Recommendation recommendation = Recommendation::None;
  std::string rationale;
  // Estimated time split, for checks (cpu-in-event-loop) and the report;
  // per call, measured when a profile decided the verdict.
  double cpuNs = 0;
  double waitNs = 0;
  /// The part of cpuNs that rests on assumed trip counts (loops whose bound
  /// no constant, caller or data member gives; recursion of unknown depth).
  double assumedCpuNs = 0;
  DecisionFacts facts;
  std::optional<Measurement> measured; // set when a profile decided the kind
};

} // namespace concur
