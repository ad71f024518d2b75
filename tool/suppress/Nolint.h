// NOLINT comments, exactly as clang-tidy reads them: NOLINT, NOLINT(checks),
// NOLINTNEXTLINE(checks), NOLINTBEGIN(checks) ... NOLINTEND(checks).
#pragma once

#include "output/Finding.h"

#include <map>
#include <string>
#include <vector>

namespace concur {

class NolintFilter {
public:
  /// True when a comment suppresses `finding` at its location.
  bool suppressed(const Finding &finding);

private:
  const std::vector<std::string> &lines(const std::string &file);
  std::map<std::string, std::vector<std::string>> files_;
};

} // namespace concur
