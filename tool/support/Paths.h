// Walking up directories, as clang-tidy looks for .clang-tidy and
// compile_commands.json.
#pragma once

#include <string>

namespace concur {

/// `path` made absolute against the working directory the command started
/// in, with '.' and '..' removed: the one spelling files are compared by.
std::string absolutePath(const std::string &path);

/// The nearest `name` in `start` (made absolute) or a directory above it for
/// which `accept` holds; empty if there is none.
std::string findAbove(const std::string &start, const std::string &name, bool (*accept)(const std::string &));

} // namespace concur
