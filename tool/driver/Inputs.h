// Finding the compile command of every file to analyse, as clang-tidy does.
#pragma once

#include "driver/CompileDatabase.h"
#include "driver/Invocation.h"

#include <clang/Tooling/CompilationDatabase.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concur {

struct Inputs {
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::vector<std::string> files; // absolute, sorted, unique
  /// Files whose database entry cannot be used, and why (with its position).
  std::map<std::string, BadEntry> badEntries;
};

/// From -p, from `-- args`, or a compile_commands.json found above the files.
/// On failure returns a message naming what is missing.
std::optional<std::string> resolveInputs(const Invocation &inv, Inputs &out);

/// The clang resource directory (builtin headers) to parse with.
std::string clangResourceDir();

} // namespace concur
