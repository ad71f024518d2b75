#include "config/ConfigResolver.h"

#include "support/Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace concur {

namespace {

std::optional<std::string> appendGlobs(const std::optional<std::string> &first,
                                       const std::optional<std::string> &second) {
  if (!first || first->empty())
    return second;
  if (!second || second->empty())
    return first;
  return *first + "," + *second;
}

} // namespace

Config mergeOver(const Config &parent, const Config &child) {
  Config merged = parent;
  merged.path = child.path;
  merged.inheritParent = child.inheritParent;
  merged.checks = appendGlobs(parent.checks, child.checks);
  merged.warningsAsErrors = appendGlobs(parent.warningsAsErrors, child.warningsAsErrors);
  if (child.headerFilter)
    merged.headerFilter = child.headerFilter; // a regex replaces, as in clang-tidy
  if (child.excludeHeaderFilter)
    merged.excludeHeaderFilter = child.excludeHeaderFilter;

  merged.catalogs.insert(merged.catalogs.end(), child.catalogs.begin(), child.catalogs.end());
  for (const auto &[key, value] : child.options.all())
    merged.options.set(key, value);
  return merged;
}

const Config *ConfigResolver::forFile(const std::string &file, ConfigError &error) {
  return forDirectory(std::string(llvm::sys::path::parent_path(file)), error);
}

const Config *ConfigResolver::forDirectory(const std::string &dir, ConfigError &error) {
  if (!explicitFile_.empty())
    return effective(explicitFile_, error);
  const std::string key = absolutePath(dir.empty() ? "." : dir);
  if (auto it = byDirectory_.find(key); it != byDirectory_.end())
    return it->second;
  const std::string path = findConfigAbove(key);
  const Config *config = path.empty() ? &default_ : effective(path, error);
  if (config)
    byDirectory_.emplace(key, config);
  return config;
}

const Config *ConfigResolver::effective(const std::string &path, ConfigError &error) {
  if (auto it = byPath_.find(path); it != byPath_.end())
    return it->second.get();
  auto own = loadConfig(path, tables_, error);
  if (!own)
    return nullptr;
  auto config = std::make_unique<Config>(std::move(*own));
  if (config->inheritParent) {
    // The parent is the configuration of the directory above this file's.
    std::string dir(llvm::sys::path::parent_path(path));
    std::string above(llvm::sys::path::parent_path(dir));
    const Config *parent = above.empty() || above == dir ? &default_ : nullptr;
    if (!parent) {
      std::string parentPath = findConfigAbove(above);
      parent = parentPath.empty() ? &default_ : effective(parentPath, error);
    }
    if (!parent)
      return nullptr;
    *config = mergeOver(*parent, *config);
  }
  return byPath_.emplace(path, std::move(config)).first->second.get();
}

} // namespace concur
