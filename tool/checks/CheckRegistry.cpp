#include "checks/Check.h"

#include "classify/Classifier.h"

namespace concur {

const CheckInfo *findCheck(const std::string &name) {
  for (const auto &check : checkRegistry())
    if (name == check.name)
      return &check;
  return nullptr;
}

std::string defaultChecksGlob() {
  std::string glob = "-*";
  for (const auto &check : checkRegistry())
    if (check.enabledByDefault)
      glob += std::string(",") + check.name;
  return glob;
}

std::vector<OptionTable> allOptionTables() {
  std::vector<OptionTable> tables{classifierOptions()};
  for (const auto &check : checkRegistry())
    if (!check.options.options.empty())
      tables.push_back(check.options);
  return tables;
}

} // namespace concur
