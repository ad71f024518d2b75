// The classifier's answer for one function.
#pragma once

#include "facts/Facts.h"

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

struct Verdict {
  WorkKind kind = WorkKind::Neutral;
  double confidence = 1;
  std::vector<Evidence> evidence;
  Recommendation recommendation = Recommendation::None;
  std::string rationale;
  // Estimated time split, for checks (cpu-in-event-loop) and the report.
  double cpuNs = 0;
  double waitNs = 0;
};

} // namespace concur
