#include "output/Finding.h"

#include <algorithm>
#include <tuple>

namespace concur {

const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Remark: return "remark";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "warning";
}

void sortAndUnique(std::vector<Finding> &findings) {
  auto key = [](const Finding &f) {
    return std::tie(f.loc.file, f.loc.line, f.loc.column, f.check, f.message);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding &a, const Finding &b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding &a, const Finding &b) { return key(a) == key(b); }),
                 findings.end());
}

} // namespace concur
