#include "config/YamlUtil.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cerrno>
#include <cstdlib>

namespace concur::yaml {

namespace {

void rejectDuplicateKeys(const YAML::Node &node) {
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (const auto &kv : node) {
      if (kv.first.IsScalar() && !seen.insert(kv.first.Scalar()).second)
        throw Error(kv.first, "duplicate key '" + kv.first.Scalar() + "'");
      rejectDuplicateKeys(kv.second);
    }
  } else if (node.IsSequence()) {
    for (const auto &item : node)
      rejectDuplicateKeys(item);
  }
}

} // namespace

YAML::Node loadFile(const std::string &path) {
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status))
    throw Error(0, 0, "cannot read: " + ec.message());
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    throw Error(0, 0, "cannot read: not a regular file");
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    throw Error(0, 0, "cannot read: " + buffer.getError().message());
  YAML::Node root = YAML::Load((*buffer)->getBuffer().str());
  rejectDuplicateKeys(root);
  return root;
}

void requireMap(const YAML::Node &node, const char *what) {
  if (!node.IsMap())
    throw Error(node, std::string("expected a mapping for the ") + what);
}

void rejectUnknownKeys(const YAML::Node &map, const std::set<std::string> &known,
                       const char *what) {
  for (const auto &kv : map) {
    const std::string key = kv.first.Scalar();
    if (!known.count(key))
      throw Error(kv.first, "unknown key '" + key + "' in " + what);
  }
}

std::string string(const YAML::Node &node, const char *key) {
  if (!node.IsScalar())
    throw Error(node, std::string("'") + key + "' must be a string");
  return node.Scalar();
}

std::string optString(const YAML::Node &node, const char *key) {
  return node ? string(node, key) : std::string();
}

std::vector<std::string> stringList(const YAML::Node &node, const char *key) {
  if (!node.IsSequence())
    throw Error(node, std::string("'") + key + "' must be a list of strings");
  std::vector<std::string> out;
  for (const auto &item : node)
    out.push_back(string(item, key));
  return out;
}

std::vector<std::string> optStringList(const YAML::Node &node, const char *key) {
  return node ? stringList(node, key) : std::vector<std::string>();
}

long long integer(const YAML::Node &node, const char *key, long long min, long long max) {
  if (node.IsScalar()) {
    const std::string &text = node.Scalar();
    char *end = nullptr;
    errno = 0;
    long long value = std::strtoll(text.c_str(), &end, 10);
    if (!text.empty() && *end == '\0' && errno == 0 && value >= min && value <= max)
      return value;
  }
  throw Error(node, std::string("'") + key + "' must be an integer in [" +
                        std::to_string(min) + ", " + std::to_string(max) + "]");
}

double number(const YAML::Node &node, const char *key) {
  if (node.IsScalar()) {
    const std::string &text = node.Scalar();
    char *end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (!text.empty() && *end == '\0')
      return value;
  }
  throw Error(node, std::string("'") + key + "' must be a number");
}

bool boolean(const YAML::Node &node, const char *key) {
  if (node.IsScalar()) {
    const std::string &t = node.Scalar();
    if (t == "true" || t == "True" || t == "1") return true;
    if (t == "false" || t == "False" || t == "0") return false;
  }
  throw Error(node, std::string("'") + key + "' must be true or false");
}

} // namespace concur::yaml
