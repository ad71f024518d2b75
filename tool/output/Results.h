// Everything one run of `concur check` produced, as the printers see it.
#pragma once

#include "classify/ProfileMatch.h"
#include "classify/Verdict.h"
#include "facts/Facts.h"
#include "output/Finding.h"

#include <optional>
#include <string>
#include <vector>

namespace concur {

struct TUError {
  std::string file;
  std::string message;
};

struct FunctionReport {
  const FunctionFacts *facts;
  const Verdict *verdict;
};

struct Results {
  std::vector<std::string> files;
  std::vector<TUError> errors;
  std::vector<FunctionReport> functions; // sorted by file, line, column, name
  std::vector<Finding> findings;         // sorted, NOLINT applied
  std::optional<ProfileStats> profile;   // with --profile
};

} // namespace concur
