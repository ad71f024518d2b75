// Writing files so that a reader sees either the old or the new content.
#pragma once

#include <llvm/Support/Error.h>

#include <string>

namespace concur {

/// Writes `content` to a temporary file next to `path`, then renames it over
/// `path`: an interruption leaves the old file intact.
llvm::Error writeFileAtomically(const std::string &path, llvm::StringRef content);

/// Writes an output the user named (-o): atomically when `path` is a regular
/// file or does not exist yet; straight into it when it is a device, a FIFO
/// or a symbolic link (/dev/stdout, /dev/null), which must never be replaced. Every write
/// error (a full disk, /dev/full) is returned.
llvm::Error writeOutputFile(const std::string &path, llvm::StringRef content);

} // namespace concur
