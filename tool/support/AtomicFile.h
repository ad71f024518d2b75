// Writing files so that a reader sees either the old or the new content.
#pragma once

#include <llvm/Support/Error.h>

#include <string>

namespace concur {

/// Writes `content` to a temporary file next to `path`, then renames it over
/// `path`: an interruption leaves the old file intact.
llvm::Error writeFileAtomically(const std::string &path, llvm::StringRef content);

} // namespace concur
