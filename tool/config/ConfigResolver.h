// Which configuration applies to a file, as clang-tidy decides it for
// .clang-tidy: the nearest .concur.yaml above the file's directory (or the
// one named with --config-file), merged over its parent's when it says
// `InheritParentConfig: true`.
#pragma once

#include "config/Config.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace concur {

class ConfigResolver {
public:
  ConfigResolver(const std::vector<OptionTable> &tables, std::string explicitFile)
      : tables_(tables), explicitFile_(std::move(explicitFile)) {}

  /// The effective configuration for `file`; nullptr, with `error` set, when
  /// a configuration on the way is invalid. The pointer is stable: equal
  /// pointers mean the same configuration.
  const Config *forFile(const std::string &file, ConfigError &error);
  /// The same for a directory (the configuration its files would get).
  const Config *forDirectory(const std::string &dir, ConfigError &error);

private:
  /// A configuration file merged with its parents where it inherits.
  const Config *effective(const std::string &path, ConfigError &error);

  const std::vector<OptionTable> &tables_;
  const std::string explicitFile_;
  Config default_;
  std::map<std::string, const Config *> byDirectory_;
  std::map<std::string, std::unique_ptr<Config>> byPath_;
};

/// `child` over `parent`, as clang-tidy merges an inheriting file: check
/// globs appended after the parent's, catalogues after the parent's,
/// options overriding the parent's.
Config mergeOver(const Config &parent, const Config &child);

} // namespace concur
