#include "support/DataDir.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace concur {

std::string dataDir(const std::string &relative, const std::string &sourceFallback) {
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(installed, "share", "concur", relative);
  if (llvm::sys::fs::is_directory(installed))
    return std::string(installed);
  return sourceFallback;
}

} // namespace concur
