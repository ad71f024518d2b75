// What governs each file of a run: its configuration (nearest .concur.yaml,
// clang-tidy style), with the command line's --checks, --warnings-as-errors
// and --catalog on top, and the catalogue and glob lists built from them.
// One Setting per distinct configuration, built the first time a file needs it.
#pragma once

#include "catalog/Catalog.h"
#include "config/ConfigResolver.h"
#include "config/Globs.h"
#include "driver/Invocation.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concur {

/// Which headers' findings are shown (clang-tidy's HeaderFilterRegex and
/// ExcludeHeaderFilterRegex). The translation units' own files are always
/// shown. System headers have none: their code is not analysed, the
/// catalogue describes it.
struct HeaderFilter {
  std::shared_ptr<const re2::RE2> include; // null: every header
  std::shared_ptr<const re2::RE2> exclude; // null: none
  bool shows(const std::string &header) const;
};

struct Setting {
  const Config *config = nullptr;
  Catalog catalog;
  GlobList enabled;  // checks
  GlobList promoted; // warnings as errors
  HeaderFilter headers;
};

class Settings {
public:
  Settings(ConfigResolver &resolver, const Invocation &inv) : resolver_(resolver), inv_(inv) {}

  /// The setting for `file`; nullptr, with `error` set to a message naming
  /// the file and position, when its configuration or a catalogue is bad.
  const Setting *forFile(const std::string &file, std::string &error);

  /// Every setting built so far, in the order they were first needed.
  const std::vector<std::unique_ptr<Setting>> &all() const { return settings_; }

private:
  std::unique_ptr<Setting> build(const Config &config, std::string &error) const;

  ConfigResolver &resolver_;
  const Invocation &inv_;
  std::vector<std::unique_ptr<Setting>> settings_;
  std::map<const Config *, const Setting *> byConfig_;
  std::map<std::string, const Setting *> byDirectory_;
};

/// 'base,a,b' leaving out empty parts.
std::string joinGlobs(const std::string &base, const std::optional<std::string> &a,
                      const std::optional<std::string> &b);

} // namespace concur
