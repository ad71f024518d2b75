// Strict reading of YAML nodes with positions for every error.
//
// yaml-cpp 0.7's `as<T>(default)` hides type errors, so configuration and
// catalogues read through these helpers, which name the line and column of
// the offending node.
#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

namespace concur::yaml {

struct Error {
  unsigned line = 0, column = 0; // 1-based
  std::string message;
  Error(const YAML::Node &node, std::string msg)
      : line(node.Mark().line + 1), column(node.Mark().column + 1), message(std::move(msg)) {}
  Error(unsigned line, unsigned column, std::string msg) : line(line), column(column), message(std::move(msg)) {}
};

/// Loads a file; throws YAML::Exception (with a mark) on syntax errors,
/// Error on duplicate keys in a mapping and on a path that is not a
/// readable regular file (a directory, a FIFO: never waited on).
YAML::Node loadFile(const std::string &path);

void requireMap(const YAML::Node &node, const char *what);
void rejectUnknownKeys(const YAML::Node &map, const std::set<std::string> &known,
                       const char *what);
std::string string(const YAML::Node &node, const char *key);
std::string optString(const YAML::Node &node, const char *key);
std::vector<std::string> stringList(const YAML::Node &node, const char *key);
std::vector<std::string> optStringList(const YAML::Node &node, const char *key);
long long integer(const YAML::Node &node, const char *key, long long min, long long max);
double number(const YAML::Node &node, const char *key);
bool boolean(const YAML::Node &node, const char *key);

} // namespace concur::yaml
