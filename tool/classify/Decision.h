// The decision table of the mission (docs: mission.md): from a function's
// kind and the facts behind it to a recommendation and its rationale.
// One implementation, used by the static classifier and by the merge of a
// measured profile.
#pragma once

#include "classify/Verdict.h"

#include <string>

namespace concur {

struct Decision {
  Recommendation recommendation = Recommendation::None;
  std::string rationale;
};

Decision decide(WorkKind kind, const DecisionFacts &facts);

} // namespace concur
