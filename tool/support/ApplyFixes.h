// Applying fix-its to files in place, never leaving a file half-written.
#pragma once

#include "output/Finding.h"

#include <string>
#include <vector>

namespace concur {

struct FixReport {
  unsigned applied = 0;
  unsigned files = 0;
  std::vector<std::string> skipped; // fixes not applied because they overlap another
  std::vector<std::string> errors;  // files that could not be read or written (path: reason)
};

/// Applies every fix of `findings`: per file, replacements from the end
/// backwards, the new content written to a temporary file and renamed over
/// the old one. Overlapping fixes are skipped and reported.
FixReport applyFixes(const std::vector<Finding> &findings);

} // namespace concur
