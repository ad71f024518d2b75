#include "driver/Settings.h"

#include "checks/Check.h"

#include <llvm/Support/Path.h>
#include <re2/re2.h>

namespace concur {

std::string joinGlobs(const std::string &base, const std::optional<std::string> &a,
                      const std::optional<std::string> &b) {
  std::string out = base;
  for (const auto *part : {&a, &b})
    if (*part && !(*part)->empty())
      out += (out.empty() ? "" : ",") + **part;
  return out;
}

const Setting *Settings::forFile(const std::string &file, std::string &error) {
  const std::string dir(llvm::sys::path::parent_path(file));
  if (auto it = byDirectory_.find(dir); it != byDirectory_.end())
    return it->second;
  ConfigError configError;
  const Config *config = resolver_.forFile(file, configError);
  if (!config) {
    error = "invalid configuration: " + configError.str();
    return nullptr;
  }
  const Setting *setting = nullptr;
  if (auto it = byConfig_.find(config); it != byConfig_.end()) {
    setting = it->second;
  } else {
    std::unique_ptr<Setting> built = build(*config, error);
    if (!built)
      return nullptr;
    setting = built.get();
    settings_.push_back(std::move(built));
    byConfig_.emplace(config, setting);
  }
  byDirectory_.emplace(dir, setting);
  return setting;
}

namespace {

/// A regex of the command line (which wins) or of the configuration; null
/// when neither gives one. RE2: a user's pattern runs in linear time.
std::optional<std::string> compile(const std::optional<std::string> &cli, const std::optional<std::string> &config,
                                   const char *option, std::shared_ptr<const re2::RE2> &out) {
  const std::optional<std::string> &pattern = cli ? cli : config;
  if (!pattern || pattern->empty())
    return std::nullopt;
  auto regex = std::make_shared<const re2::RE2>(*pattern, re2::RE2::Quiet);
  if (!regex->ok())
    return std::string("invalid ") + option + " '" + *pattern + "': " + regex->error();
  out = std::move(regex);
  return std::nullopt;
}

std::optional<std::string> buildHeaderFilter(const Config &config, const Invocation &inv, HeaderFilter &out) {
  // clang-tidy: an empty HeaderFilterRegex shows no header; unset shows every one.
  const std::optional<std::string> &include = inv.headerFilter ? inv.headerFilter : config.headerFilter;
  if (include && include->empty())
    out.include = std::make_shared<const re2::RE2>("$^");
  else if (auto bad = compile(inv.headerFilter, config.headerFilter, "--header-filter", out.include))
    return bad;
  if (auto bad = compile(inv.excludeHeaderFilter, config.excludeHeaderFilter, "--exclude-header-filter", out.exclude))
    return bad;
  return std::nullopt;
}

} // namespace

bool HeaderFilter::shows(const std::string &header) const {
  if (include && !re2::RE2::PartialMatch(header, *include))
    return false;
  return !exclude || !re2::RE2::PartialMatch(header, *exclude);
}

std::unique_ptr<Setting> Settings::build(const Config &config, std::string &error) const {
  auto setting = std::make_unique<Setting>();
  setting->config = &config;
  const std::string where = config.path.empty() ? "" : " (configuration " + config.path + ")";
  if (auto bad = GlobList::parse(joinGlobs(defaultChecksGlob(), config.checks, inv_.checks), setting->enabled)) {
    error = "invalid --checks: " + *bad + where;
    return nullptr;
  }
  if (auto bad = GlobList::parse(joinGlobs("", config.warningsAsErrors, inv_.warningsAsErrors), setting->promoted)) {
    error = "invalid --warnings-as-errors: " + *bad + where;
    return nullptr;
  }
  if (auto bad = buildHeaderFilter(config, inv_, setting->headers)) {
    error = *bad + where;
    return nullptr;
  }
  std::vector<CatalogError> errors;
  setting->catalog.loadBundled(errors);
  for (const auto &file : config.catalogs)
    setting->catalog.loadFile(file, errors);
  for (const auto &file : inv_.catalogs)
    setting->catalog.loadFile(file, errors);
  if (!errors.empty()) {
    error.clear();
    for (const auto &e : errors)
      error += (error.empty() ? "invalid catalogue: " : "\nconcur: error: invalid catalogue: ") + e.str();
    return nullptr;
  }
  return setting;
}

} // namespace concur
