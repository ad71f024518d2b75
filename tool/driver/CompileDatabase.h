// Reading compile_commands.json strictly: a database that does not parse is
// an error with its path, line and column, and every entry that cannot be
// used (a relative or missing 'directory', no command) is named with its
// position, so that its file fails alone and every other file is analysed.
#pragma once

#include <clang/Tooling/CompilationDatabase.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace concur {

/// An entry that cannot be used: where it is ('db.json:12:3') and why.
struct BadEntry {
  std::string where;
  std::string message;
};

struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::map<std::string, BadEntry> badEntries; // keyed by the absolute file path
};

/// Loads `path` (a compile_commands.json). On failure returns nullopt and
/// sets `error` to 'path:line:col: message'.
std::optional<LoadedDatabase> loadCompileCommands(const std::string &path, std::string &error);

/// The compile_commands.json in `dir` or the nearest directory above it;
/// empty if there is none.
std::string findCompileCommandsAbove(const std::string &dir);

} // namespace concur
