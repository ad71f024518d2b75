#include "classify/Profile.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace concur {

namespace {

/// 'F:line:col: message' from llvm::json's '[line:col, byte=N]: message',
/// the shape of every other configuration error.
std::string parseErrorMessage(const std::string &path, llvm::Error error) {
  std::string text = llvm::toString(std::move(error));
  unsigned line = 0, column = 0, byte = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "[%u:%u, byte=%u]: %n", &line, &column, &byte, &consumed) == 3 && consumed > 0)
    return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + text.substr(consumed);
  return path + ": " + text;
}

/// A count or a duration in nanoseconds: a non-negative number.
std::optional<uint64_t> readCount(const llvm::json::Object &object, llvm::StringRef key) {
  const llvm::json::Value *value = object.get(key);
  if (!value)
    return std::nullopt;
  if (auto u = value->getAsUINT64())
    return *u;
  // 2^64 and above (1e309 is inf) do not convert: undefined behaviour.
  if (auto d = value->getAsNumber(); d && *d >= 0 && *d < 18446744073709551616.0)
    return uint64_t(*d);
  return std::nullopt;
}

std::optional<ProfileEntry> readEntry(const std::string &name, const llvm::json::Value &value,
                                      std::string &problem) {
  const llvm::json::Object *object = value.getAsObject();
  if (!object) {
    problem = "must be an object";
    return std::nullopt;
  }
  ProfileEntry entry;
  entry.name = name;
  if (auto kind = object->getString("kind"))
    entry.kind = kind->str();
  struct Field {
    const char *key;
    uint64_t *into;
  };
  for (Field field : {Field{"calls", &entry.calls}, Field{"wall_ns", &entry.wallNs},
                      Field{"cpu_ns", &entry.cpuNs}, Field{"blocked_ns", &entry.blockedNs}}) {
    auto count = readCount(*object, field.key);
    if (!count) {
      problem = std::string("'") + field.key + "' must be a non-negative number";
      return std::nullopt;
    }
    *field.into = *count;
  }
  return entry;
}

std::optional<Profile> readDocument(const std::string &path, const llvm::json::Value &document,
                                    std::string &error) {
  const llvm::json::Object *root = document.getAsObject();
  if (!root) {
    error = path + ": a profile is a JSON object";
    return std::nullopt;
  }
  auto version = root->getInteger("version");
  if (!version || *version != 1) {
    error = path + (version ? ": unsupported profile version " + std::to_string(*version)
                            : std::string(": no integer 'version'")) +
            " (this concur reads version 1)";
    return std::nullopt;
  }
  const llvm::json::Object *functions = root->getObject("functions");
  if (!functions) {
    error = path + ": 'functions' must be an object";
    return std::nullopt;
  }
  Profile profile;
  profile.path = path;
  for (const auto &[key, value] : *functions) {
    const std::string name = key.str();
    std::string problem;
    auto entry = readEntry(name, value, problem);
    if (!entry) {
      error = path + ": function '" + name + "': " + problem;
      return std::nullopt;
    }
    profile.entries.push_back(std::move(*entry));
  }
  std::sort(profile.entries.begin(), profile.entries.end(),
            [](const ProfileEntry &a, const ProfileEntry &b) { return a.name < b.name; });
  return profile;
}

} // namespace

std::optional<Profile> readProfile(const std::string &path, std::string &error) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    error = "cannot read profile '" + path + "': " + buffer.getError().message();
    return std::nullopt;
  }
  // The runtime writes one key per function (several kinds summed, joined
  // as "process+thread"); a duplicate key would keep only its last entry.
  auto document = llvm::json::parse((*buffer)->getBuffer());
  if (!document) {
    error = "invalid profile: " + parseErrorMessage(path, document.takeError());
    return std::nullopt;
  }
  std::string problem;
  auto profile = readDocument(path, *document, problem);
  if (!profile)
    error = "invalid profile: " + problem;
  return profile;
}

} // namespace concur
