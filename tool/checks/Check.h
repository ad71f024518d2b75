// What a check is: a small piece of code that walks the program model and the
// classifier's verdicts and emits findings. Checks never see the AST.
#pragma once

#include "classify/Verdict.h"
#include "config/Options.h"
#include "output/Finding.h"

#include <functional>
#include <memory>
#include <vector>

namespace concur {

class ProgramModel;

struct CheckContext {
  const ProgramModel &model;
  const std::vector<Verdict> &verdicts; // indexed like model.functions()
  const OptionValues &options;
};

class Check {
public:
  virtual ~Check() = default;
  virtual void run(const CheckContext &ctx, std::vector<Finding> &out) const = 0;
};

struct CheckInfo {
  const char *name;    // 'concur-blocking-in-coroutine'
  const char *summary; // one sentence, as list-checks prints it
  bool enabledByDefault;
  OptionTable options;
  std::function<std::unique_ptr<Check>()> create;
};

/// Every check, in name order (rules/Registry.cpp).
const std::vector<CheckInfo> &checkRegistry();
const CheckInfo *findCheck(const std::string &name);

/// Default value of the --checks glob list: every check enabled by default.
std::string defaultChecksGlob();

} // namespace concur
