#include "classify/Measured.h"

#include "classify/Classifier.h"
#include "classify/Decision.h"
#include "model/ProgramModel.h"
#include "support/Format.h"

#include <llvm/Support/Path.h>

#include <algorithm>
#include <cmath>

namespace concur {

namespace {

/// A measurement leaves one doubt: whether the profiled run was
/// representative of production. Above any static estimate (at most 0.9).
constexpr double kMeasuredConfidence = 0.95;

/// A coroutine's wall time also counts its suspensions; a thread job's is
/// its CPU plus blocked time. Never less than its parts.
double wallOf(const Measurement &m) { return std::max<double>(m.wallNs, double(m.cpuNs) + double(m.blockedNs)); }

std::string measuredMessage(const Measurement &m, const std::string &source) {
  const double wall = wallOf(m);
  const long percent = std::lround(wall > 0 ? 100 * double(m.cpuNs) / wall : 0);
  return "measured: " + std::to_string(percent) + "% CPU over " + std::to_string(m.calls) +
         (m.calls == 1 ? " call, " : " calls, ") + approxDuration(wall) + " wall (" + source + ")";
}

} // namespace

std::optional<WorkKind> measuredKind(const Measurement &m, const OptionValues &options) {
  const double wall = wallOf(m);
  if (wall <= 0 || wall < classifierOption(options, "MeasuredMinWallNs"))
    return std::nullopt;
  const double share = double(m.cpuNs) / wall;
  // As in the static classifier, a function that waits is never neutral:
  // the waiting is what concurrency hides, however short each wait.
  if (share <= classifierOption(options, "MeasuredIoShare"))
    return WorkKind::Io;
  if (wall / double(std::max<uint64_t>(m.calls, 1)) < classifierOption(options, "NeutralNs"))
    return WorkKind::Neutral;
  if (share >= classifierOption(options, "MeasuredCpuShare"))
    return WorkKind::Cpu;
  return WorkKind::Mixed;
}

void mergeMeasurement(Verdict &verdict, const Measurement &m, const SourceLoc &loc, const std::string &source) {
  const WorkKind estimated = verdict.kind;
  verdict.kind = m.kind;
  verdict.measured = m;
  verdict.confidence = std::max(verdict.confidence, kMeasuredConfidence);
  DecisionFacts facts = verdict.facts;
  // Waiting where the analysis found none goes through an API it does not
  // know: assume that API only blocks, as an uncatalogued client library.
  if (verdict.waitNs <= 0)
    facts.waitsWithoutAsync = true;
  Decision decision = decide(m.kind, facts);
  verdict.recommendation = decision.recommendation;
  verdict.rationale = std::move(decision.rationale);
  if (estimated != m.kind)
    verdict.rationale += std::string(" (measured ") + kindName(m.kind) + "; the static estimate was " +
                         kindName(estimated) + ")";
  verdict.evidence.insert(verdict.evidence.begin(), Evidence{measuredMessage(m, source), loc, {}, 0});
  // Per call, for the checks' thresholds (concur-cpu-in-event-loop).
  const double calls = double(std::max<uint64_t>(m.calls, 1));
  verdict.cpuNs = double(m.cpuNs) / calls;
  verdict.assumedCpuNs = 0; // measured, not estimated
  verdict.waitNs = (wallOf(m) - double(m.cpuNs)) / calls;
}

ProfileStats applyProfile(const Profile &profile, const ProgramModel &model, const OptionValues &options,
                          std::vector<Verdict> &verdicts) {
  ProfileStats stats;
  std::vector<std::optional<Measurement>> measured = matchProfile(profile, model, stats);
  const std::string source = llvm::sys::path::filename(profile.path).str();
  for (size_t f = 0; f < measured.size(); ++f) {
    if (!measured[f])
      continue;
    auto kind = measuredKind(*measured[f], options);
    if (!kind)
      continue; // too short to judge: the static verdict stands
    measured[f]->kind = *kind;
    mergeMeasurement(verdicts[f], *measured[f], model.function(int(f)).loc, source);
  }
  return stats;
}

} // namespace concur
