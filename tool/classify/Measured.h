// Merges a measured profile (--profile) into the static verdicts: where the
// runtime measured a function, the measured kind wins over the estimate,
// and the recommendation follows from it by the same decision table.
#pragma once

#include "classify/Profile.h"
#include "classify/ProfileMatch.h"
#include "classify/Verdict.h"
#include "config/Options.h"

#include <optional>
#include <vector>

namespace concur {

class ProgramModel;

/// The kind a measurement shows (concur-classification.Measured* and
/// NeutralNs); nullopt when it is too short to judge.
std::optional<WorkKind> measuredKind(const Measurement &m, const OptionValues &options);

/// Gives `verdict` the measured kind, a higher confidence, the measurement
/// as its first evidence (at `loc`, naming `source`, the profile's file
/// name) and the recommendation of the decision table for that kind.
void mergeMeasurement(Verdict &verdict, const Measurement &m, const SourceLoc &loc, const std::string &source);

/// Matches the profile to the model and merges every judgeable measurement
/// into `verdicts` (indexed like the model's functions).
ProfileStats applyProfile(const Profile &profile, const ProgramModel &model, const OptionValues &options,
                          std::vector<Verdict> &verdicts);

} // namespace concur
