// The command line of `concur check` (and later `report`), parsed.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace concur {

struct Invocation {
  std::vector<std::string> files;
  std::string buildPath;                 // -p
  std::optional<std::vector<std::string>> compilerArgs; // after --
  std::optional<std::string> checks;
  std::string configFile;
  std::vector<std::string> catalogs;
  std::string profile; // --profile: a profile written by the runtime
  std::string format = "text";
  std::string output;
  std::string exportFixes;
  bool fix = false;
  std::optional<std::string> warningsAsErrors;
  std::optional<std::string> headerFilter;        // --header-filter
  std::optional<std::string> excludeHeaderFilter; // --exclude-header-filter
  unsigned jobs = 0; // 0: number of cores
  bool quiet = false;
  std::string summaryDir;
  bool dumpConfig = false;
};

/// Parses arguments after the sub-command; on error returns the message.
std::optional<std::string> parseInvocation(const std::vector<std::string> &args, Invocation &out);

/// Help text for `concur help check`.
const char *checkUsage();

} // namespace concur
