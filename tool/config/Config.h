// The .concur.yaml configuration: Checks, WarningsAsErrors, header filters, Catalogs,
// CheckOptions. A configuration is read completely or not at all: any
// unknown key, wrong type or bad glob is an error with its position.
#pragma once

#include "config/Globs.h"
#include "config/Options.h"

#include <optional>
#include <string>
#include <vector>

namespace concur {

struct Config {
  std::string path;                 // empty for the built-in default
  bool inheritParent = false;       // InheritParentConfig: merged over the parent directory's
  std::optional<std::string> checks;
  std::optional<std::string> warningsAsErrors;
  /// Which headers' findings are shown, as clang-tidy (which since late 2025
  /// shows every non-system header by default): HeaderFilterRegex,
  /// ExcludeHeaderFilterRegex.
  std::optional<std::string> headerFilter;
  std::optional<std::string> excludeHeaderFilter;
  std::vector<std::string> catalogs; // absolute, resolved against the file's directory
  OptionValues options;
};

struct ConfigError {
  std::string file;
  unsigned line = 0, column = 0;
  std::string message;
  std::string str() const;
};

/// Reads a configuration file. Option keys are checked against `tables`.
std::optional<Config> loadConfig(const std::string &path, const std::vector<OptionTable> &tables,
                                 ConfigError &error);

/// The nearest .concur.yaml in `dir` or above, or empty.
std::string findConfigAbove(const std::string &dir);

/// The effective configuration as YAML, every option with its value.
std::string dumpConfig(const Config &config, const std::string &checks,
                       const std::vector<OptionTable> &tables);

} // namespace concur
