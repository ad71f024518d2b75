#include "catalog/Catalog.h"

#include "config/YamlUtil.h"
#include "facts/Facts.h"
#include "support/DataDir.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace concur {

namespace {

struct EffectName {
  Effect effect;
  const char *name;
};
constexpr EffectName kEffects[] = {
    {EffectIo, "io"},           {EffectCpu, "cpu"},
    {EffectBlocking, "blocking"}, {EffectWait, "wait"},
    {EffectLock, "lock"},       {EffectUnlock, "unlock"},
    {EffectMtUnsafe, "mt-unsafe"}, {EffectSpawnThread, "spawn-thread"},
    {EffectSpawnProcess, "spawn-process"}, {EffectSuspend, "suspend"},
    {EffectOffload, "offload"},  {EffectResumeOnPool, "resume-on-pool"},
    {EffectResumeOnLoop, "resume-on-loop"}, {EffectStartOnPool, "start-on-pool"},
    {EffectCold, "cold"},       {EffectAsyncLock, "async-lock"},
};

std::optional<double> durationUnit(const std::string &unit) {
  if (unit == "s") return 1e9;
  if (unit == "ms") return 1e6;
  if (unit == "us") return 1e3;
  if (unit == "ns") return 1;
  return std::nullopt;
}

/// The literal text an anchored pattern's matches must start with ('^::std::(a|b)$'
/// gives '::std::'); empty when there is none or alternation is at the top.
std::string literalPrefix(const std::string &pattern) {
  if (pattern.empty() || pattern[0] != '^')
    return {};
  int depth = 0;
  for (char c : pattern) {
    if (c == '(' || c == '[')
      ++depth;
    else if (c == ')' || c == ']')
      --depth;
    else if (c == '|' && depth == 0)
      return {};
  }
  std::string prefix;
  for (size_t i = 1; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (std::string("\\.[](){}*+?|^$").find(c) != std::string::npos)
      break;
    if (i + 1 < pattern.size() && std::string("?*{").find(pattern[i + 1]) != std::string::npos)
      break; // an optional character is not part of every match
    prefix += c;
  }
  return prefix;
}

uint32_t readEffects(const YAML::Node &node, const char *what) {
  uint32_t effects = 0;
  for (const std::string &name : yaml::stringList(node, what)) {
    auto effect = parseEffect(name);
    if (!effect)
      throw yaml::Error(node, "unknown effect '" + name + "'");
    effects |= *effect;
  }
  return effects;
}

/// Reads one `apis:` entry; throws yaml::Error on a bad node.
std::unique_ptr<ApiEntry> readEntry(const YAML::Node &node, const std::string &file) {
  yaml::requireMap(node, "catalogue entry");
  static const std::set<std::string> kKeys = {
      "match", "regex", "effects", "category", "description", "on_type",
      "nonblocking_flags", "callable_arg", "mutex_arg", "duration_arg",
      "duration_unit", "deferred_by", "async_alternative", "safe_alternative",
      "source", "on_object", "effects_if_discarded", "nonblocking_arg_flags", "only_blocks"};
  yaml::rejectUnknownKeys(node, kKeys, "catalogue entry");

  auto entry = std::make_unique<ApiEntry>();
  entry->file = file;
  entry->line = node.Mark().line + 1;
  const bool hasMatch = bool(node["match"]), hasRegex = bool(node["regex"]);
  if (hasMatch == hasRegex)
    throw yaml::Error(node, "a catalogue entry needs exactly one of 'match' and 'regex'");
  if (hasMatch) {
    entry->match = yaml::string(node["match"], "match");
    if (entry->match.rfind("::", 0) != 0)
      throw yaml::Error(node["match"], "'match' must be a qualified name starting with '::'");
  } else {
    entry->pattern = yaml::string(node["regex"], "regex");
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(entry->pattern, options);
    if (!regex->ok())
      throw yaml::Error(node["regex"], "invalid regex: " + regex->error() +
                                           " (RE2 syntax: no backreferences or lookaround)");
    entry->regex = std::move(regex);
    entry->regexPrefix = literalPrefix(entry->pattern);
  }
  if (!node["effects"])
    throw yaml::Error(node, "a catalogue entry needs 'effects'");
  entry->effects = readEffects(node["effects"], "effects");
  if (auto n = node["effects_if_discarded"])
    entry->effectsIfDiscarded = readEffects(n, "effects_if_discarded");
  if (!node["source"])
    throw yaml::Error(node, "a catalogue entry needs 'source' (where the fact comes from)");
  entry->source = yaml::string(node["source"], "source");
  entry->category = yaml::optString(node["category"], "category");
  entry->description = yaml::optString(node["description"], "description");
  entry->asyncAlternative = yaml::optString(node["async_alternative"], "async_alternative");
  entry->safeAlternative = yaml::optString(node["safe_alternative"], "safe_alternative");
  if (auto n = node["only_blocks"])
    entry->onlyBlocks = yaml::boolean(n, "only_blocks");
  entry->onTypes = yaml::optStringList(node["on_type"], "on_type");
  entry->nonblockingFlags = yaml::optStringList(node["nonblocking_flags"], "nonblocking_flags");
  entry->deferredBy = yaml::optStringList(node["deferred_by"], "deferred_by");
  entry->onObjects = yaml::optStringList(node["on_object"], "on_object");
  entry->nonblockingArgFlags = yaml::optStringList(node["nonblocking_arg_flags"], "nonblocking_arg_flags");
  if (auto n = node["callable_arg"]) {
    if (n.IsScalar() && n.Scalar() == "any")
      entry->callableArg = ApiEntry::AnyArg;
    else
      entry->callableArg = yaml::integer(n, "callable_arg", 0, 64);
  }
  if (auto n = node["mutex_arg"])
    entry->mutexArg = yaml::integer(n, "mutex_arg", 0, 64);
  if (auto n = node["duration_arg"])
    entry->durationArg = yaml::integer(n, "duration_arg", 0, 64);
  if (auto n = node["duration_unit"]) {
    auto unit = durationUnit(yaml::string(n, "duration_unit"));
    if (!unit)
      throw yaml::Error(n, "'duration_unit' must be one of s, ms, us, ns");
    entry->durationUnitNs = *unit;
  }
  if ((entry->durationArg == ApiEntry::NoArg) != (entry->durationUnitNs == 0))
    throw yaml::Error(node, "'duration_arg' and 'duration_unit' go together");
  return entry;
}

bool typeMatches(const ApiEntry &entry, const std::vector<std::string> &receiverTypes) {
  if (entry.onTypes.empty())
    return true;
  for (const auto &type : receiverTypes)
    if (std::find(entry.onTypes.begin(), entry.onTypes.end(), type) != entry.onTypes.end())
      return true;
  return false;
}

} // namespace

std::optional<Effect> parseEffect(const std::string &name) {
  for (const auto &e : kEffects)
    if (name == e.name)
      return e.effect;
  return std::nullopt;
}

std::vector<std::string> effectNames(uint32_t effects) {
  std::vector<std::string> names;
  for (const auto &e : kEffects)
    if (effects & e.effect)
      names.push_back(e.name);
  return names;
}

std::string CatalogError::str() const {
  if (line == 0) // the file as a whole (it cannot be read)
    return file + ": " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

bool Catalog::loadFile(const std::string &path, std::vector<CatalogError> &errors) {
  std::vector<std::unique_ptr<ApiEntry>> loaded;
  try {
    YAML::Node root = yaml::loadFile(path);
    yaml::requireMap(root, "catalogue");
    yaml::rejectUnknownKeys(root, {"apis"}, "catalogue");
    YAML::Node apis = root["apis"];
    if (!apis || !apis.IsSequence())
      throw yaml::Error(root, "a catalogue needs an 'apis' list");
    for (const auto &node : apis)
      loaded.push_back(readEntry(node, path));
  } catch (const yaml::Error &e) {
    errors.push_back({path, e.line, e.column, e.message});
    return false;
  } catch (const YAML::Exception &e) {
    errors.push_back({path, unsigned(e.mark.line + 1), unsigned(e.mark.column + 1), e.msg});
    return false;
  }
  for (auto &entry : loaded) {
    entries_.push_back(std::move(entry));
  }
  std::lock_guard<std::mutex> lock(cacheMutex_);
  cache_.clear();
  return true;
}

bool Catalog::loadDirectory(const std::string &dir, std::vector<CatalogError> &errors) {
  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".yaml")
      files.push_back(it->path());
  if (ec) {
    errors.push_back({dir, 0, 0, "cannot read catalogue directory: " + ec.message()});
    return false;
  }
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const auto &file : files)
    ok &= loadFile(file, errors);
  return ok;
}

const std::vector<const ApiEntry *> &Catalog::candidates(const std::string &name) const {
  {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (auto it = cache_.find(name); it != cache_.end())
      return it->second;
  }
  // Match outside the lock: regexes are slow, and TUs on other threads look
  // names up at the same time. Newest entries first: a user's catalogue
  // overrides the bundled one.
  std::vector<const ApiEntry *> found;
  for (auto e = entries_.rbegin(); e != entries_.rend(); ++e) {
    const ApiEntry &entry = **e;
    const bool matches = entry.regex ? name.compare(0, entry.regexPrefix.size(), entry.regexPrefix) == 0 &&
                                           RE2::PartialMatch(name, *entry.regex)
                                     : entry.match == name;
    if (matches)
      found.push_back(&entry);
  }
  std::lock_guard<std::mutex> lock(cacheMutex_);
  // unordered_map nodes are stable: the reference outlives later insertions.
  return cache_.try_emplace(name, std::move(found)).first->second;
}

const ApiEntry *Catalog::lookup(const std::string &name, const std::vector<std::string> &receiverTypes,
                                const std::string &receiverObject) const {
  if (name.empty())
    return nullptr;
  // Entries restricted to an object, then to a type, are more specific
  // than unrestricted ones.
  const ApiEntry *fallback = nullptr, *byType = nullptr;
  for (const ApiEntry *entry : candidates(name)) {
    if (!entry->onObjects.empty()) {
      if (!receiverObject.empty() &&
          std::find(entry->onObjects.begin(), entry->onObjects.end(), receiverObject) != entry->onObjects.end())
        return entry;
    } else if (!entry->onTypes.empty()) {
      if (!byType && typeMatches(*entry, receiverTypes))
        byType = entry;
    } else if (!fallback) {
      fallback = entry;
    }
  }
  return byType ? byType : fallback;
}

uint32_t callEffects(const ApiEntry &api, const CallSite &call) {
  uint32_t effects = api.effects;
  // A timed wait with a zero timeout polls: wait_for(0s) returns at once.
  if (call.durationNs == 0)
    effects &= ~(EffectBlocking | EffectWait);
  if (call.resultDiscarded)
    effects |= api.effectsIfDiscarded;
  for (const std::string &flag : api.nonblockingArgFlags)
    if (std::find(call.argFlags.begin(), call.argFlags.end(), flag) != call.argFlags.end())
      effects &= ~(EffectBlocking | EffectWait);
  return effects;
}

bool Catalog::loadBundled(std::vector<CatalogError> &errors) {
  const std::vector<std::string> candidates = dataDirCandidates("catalog", CONCUR_SOURCE_CATALOG_DIR);
  const std::string dir = dataDir("catalog", CONCUR_SOURCE_CATALOG_DIR);
  if (dir.empty()) {
    // A binary moved away from its data: without the catalogue nothing
    // would be found, and a run that finds nothing must not pass.
    errors.push_back({"concur", 0, 0, "the bundled API catalogue is missing: looked in " +
                                          describeCandidates(candidates)});
    return false;
  }
  size_t before = entries_.size();
  if (!loadDirectory(dir, errors))
    return false;
  if (entries_.size() == before) {
    errors.push_back({dir, 0, 0, "the bundled API catalogue directory holds no entries (no *.yaml with 'apis')"});
    return false;
  }
  return true;
}

} // namespace concur
