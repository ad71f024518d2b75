#include "output/Finding.h"

#include <algorithm>
#include <tuple>

namespace concur {

namespace {

/// One finding per check and source location (sorted input): the code at
/// that place is one thing to fix, however many instantiations reach it.
void mergeInstantiations(std::vector<Finding> &findings) {
  auto place = [](const Finding &f) { return std::tie(f.loc.file, f.loc.line, f.loc.column, f.check); };
  std::vector<Finding> merged;
  merged.reserve(findings.size());
  for (size_t i = 0; i < findings.size();) {
    size_t j = i + 1;
    while (j < findings.size() && place(findings[j]) == place(findings[i]))
      ++j;
    Finding kept = std::move(findings[i]);
    if (j - i > 1)
      kept.notes.push_back({kept.loc, "reported once for " + std::to_string(j - i) +
                                          " instantiations of this code (template arguments, generic lambdas); "
                                          "this is one of them"});
    merged.push_back(std::move(kept));
    i = j;
  }
  findings = std::move(merged);
}

} // namespace

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
  mergeInstantiations(findings);
}

} // namespace concur
