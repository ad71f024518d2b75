// Which analysed functions a profile's entries measure: by qualified name
// (classify/ProfileNames.h), every entry that names a function summed into
// one measurement.
#pragma once

#include "classify/Profile.h"
#include "classify/Verdict.h"

#include <optional>
#include <string>
#include <vector>

namespace concur {

class ProgramModel;

/// How much of a profile named analysed functions (the JSON summary's
/// "profile" object).
struct ProfileStats {
  std::string file; // absolute
  unsigned matched = 0;
  unsigned unmatched = 0;
};

/// The profile's numbers per function of the model, in the model's order
/// (the measurement's kind is not decided here).
std::vector<std::optional<Measurement>> matchProfile(const Profile &profile, const ProgramModel &model,
                                                     ProfileStats &stats);

} // namespace concur
