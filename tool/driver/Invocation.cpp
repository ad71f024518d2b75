#include "driver/Invocation.h"

#include "support/Paths.h"

#include <cstdlib>

namespace concur {

namespace {

/// Splits '--name=value'; also accepts '--name value' for options that take one.
bool takeValue(const std::vector<std::string> &args, size_t &i, const std::string &name,
               std::string &value) {
  const std::string &arg = args[i];
  if (arg.rfind(name + "=", 0) == 0) {
    value = arg.substr(name.size() + 1);
    return true;
  }
  if (arg == name && i + 1 < args.size()) {
    value = args[++i];
    return true;
  }
  return false;
}

/// Paths the user typed are relative to the directory the command was run
/// in; made absolute once, so nothing later depends on a working directory.
void makeAbsolute(std::string &path) {
  if (path.empty() || path == "-")
    return;
  path = absolutePath(path);
}

void makePathsAbsolute(Invocation &inv) {
  for (std::string *path : {&inv.buildPath, &inv.configFile, &inv.profile, &inv.output, &inv.exportFixes,
                            &inv.summaryDir})
    makeAbsolute(*path);
  for (std::string &catalog : inv.catalogs)
    makeAbsolute(catalog);
}

} // namespace

std::optional<std::string> parseInvocation(const std::vector<std::string> &args, Invocation &out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    std::string value;
    if (arg == "--") {
      out.compilerArgs.emplace(args.begin() + i + 1, args.end());
      break;
    }
    if (takeValue(args, i, "-p", value) || takeValue(args, i, "--build-path", value)) {
      out.buildPath = value;
    } else if (arg.rfind("-p", 0) == 0 && arg.size() > 2 && arg[2] != '-') {
      out.buildPath = arg.substr(2);
    } else if (takeValue(args, i, "--checks", value)) {
      out.checks = value;
    } else if (takeValue(args, i, "--config-file", value)) {
      out.configFile = value;
    } else if (takeValue(args, i, "--catalog", value)) {
      out.catalogs.push_back(value);
    } else if (takeValue(args, i, "--profile", value)) {
      out.profile = value;
    } else if (takeValue(args, i, "--format", value)) {
      if (value != "text" && value != "json" && value != "yaml")
        return "unsupported --format '" + value + "' (this version supports text, json and yaml)";
      out.format = value;
    } else if (takeValue(args, i, "-o", value) || takeValue(args, i, "--output", value)) {
      out.output = value;
    } else if (takeValue(args, i, "--export-fixes", value)) {
      out.exportFixes = value;
    } else if (arg == "--fix") {
      out.fix = true;
    } else if (takeValue(args, i, "--warnings-as-errors", value)) {
      out.warningsAsErrors = value;
    } else if (takeValue(args, i, "--header-filter", value)) {
      out.headerFilter = value;
    } else if (takeValue(args, i, "--exclude-header-filter", value)) {
      out.excludeHeaderFilter = value;

    } else if (takeValue(args, i, "-j", value) || takeValue(args, i, "--jobs", value)) {
      char *end = nullptr;
      long n = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end || n < 1 || n > 1024)
        return "invalid value '" + value + "' for -j (expected a number of jobs from 1 to 1024)";
      out.jobs = unsigned(n);
    } else if (arg.rfind("-j", 0) == 0 && arg.size() > 2) {
      std::vector<std::string> rest{"-j", arg.substr(2)};
      size_t k = 0;
      takeValue(rest, k, "-j", value);
      char *end = nullptr;
      long n = std::strtol(value.c_str(), &end, 10);
      if (*end || n < 1 || n > 1024)
        return "invalid value '" + value + "' for -j (expected a number of jobs from 1 to 1024)";
      out.jobs = unsigned(n);
    } else if (takeValue(args, i, "--summary-dir", value)) {
      out.summaryDir = value;
    } else if (arg == "--quiet") {
      out.quiet = true;
    } else if (arg == "--dump-config") {
      out.dumpConfig = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return "unknown option '" + arg + "' (see 'concur help check')";
    } else {
      out.files.push_back(arg);
    }
  }
  makePathsAbsolute(out);
  return std::nullopt;
}

const char *checkUsage() {
  return R"(usage: concur check [FILES...] [-p BUILD_DIR] [options] [-- COMPILER_ARGS]

Analyses C and C++ files: classifies every function (io, cpu, mixed, neutral),
runs the enabled checks and prints their findings.

Inputs (as clang-tidy finds them):
  -p BUILD_DIR            directory holding compile_commands.json; without
                          FILES, every file of the database is analysed
  -- COMPILER_ARGS        the compile command for every file (no database)
  (neither)               compile_commands.json is looked up from the files'
                          directories upward

Options:
  --checks=GLOBS          e.g. 'concur-*,-concur-cpu-in-event-loop'
  --config-file=F         a .concur.yaml (default: nearest one above the files)
  --catalog=F             extra API catalogue, merged over the bundled ones (repeatable)
  --profile=F             a profile written by the concur:: runtime (CONCUR_PROFILE=F):
                          where a function was measured, its measured kind wins
  --format=text|json|yaml output format (default text; yaml: the fixes document)
  --export-fixes=F        write the fixes as clang-apply-replacements YAML to F
  --fix                   apply the fixes in place (each file replaced atomically)
  -o F, --output=F        write the output to F instead of stdout
  --warnings-as-errors=GLOBS
                          promote the findings of these checks to errors
  --header-filter=RE      show findings in the headers whose path matches RE
                          (default '.*'; the analysed files' own are always shown)
  --exclude-header-filter=RE
                          hide findings in the headers whose path matches RE
  -j N, --jobs=N          translation units analysed in parallel (default: cores)
  --summary-dir=DIR       also write each translation unit's facts to DIR
  --dump-config           print the effective configuration and exit
  --quiet                 no progress line

Exit codes: 0 no error-level finding, 1 error-level finding, 2 bad usage or
configuration, 3 one or more translation units could not be analysed.
)";
}

} // namespace concur
