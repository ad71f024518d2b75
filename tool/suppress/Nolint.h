// NOLINT comments, exactly as clang-tidy reads them: NOLINT, NOLINT(checks),
// NOLINTNEXTLINE(checks), NOLINTBEGIN(checks) ... NOLINTEND(checks).
//
// A NOLINTEND closes the innermost open NOLINTBEGIN only when both name the
// same checks; a NOLINTBEGIN left open, or a NOLINTEND with nothing to close,
// suppresses nothing and is reported as an error (clang-tidy's
// 'clang-tidy-nolint'), so that a typo cannot silence the rest of a file.
#pragma once

#include "output/Finding.h"

#include <map>
#include <string>
#include <vector>

namespace concur {

/// The check name of the errors about unmatched NOLINTBEGIN/NOLINTEND.
inline constexpr const char *kNolintCheck = "concur-nolint";

class NolintFilter {
public:
  /// True when a comment suppresses `finding` at its location.
  bool suppressed(const Finding &finding);

  /// Errors for the unmatched NOLINTBEGIN/NOLINTEND comments of every file
  /// that a finding was looked up in.
  std::vector<Finding> unmatchedMarkers() const;

private:
  struct Block {
    unsigned begin = 0, end = 0; // lines, 1-based; the block covers begin..end
    std::string checks;
  };
  struct Marker {
    unsigned line = 0, column = 0;
    unsigned offset = 0;
    bool isBegin = false;
  };
  struct FileInfo {
    std::vector<std::string> lines;
    std::vector<Block> blocks;
    std::vector<Marker> unmatched;
  };
  const FileInfo &info(const std::string &file);
  std::map<std::string, FileInfo> files_;
};

} // namespace concur
