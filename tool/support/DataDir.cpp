#include "support/DataDir.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace concur {

std::vector<std::string> dataDirCandidates(const std::string &relative, const std::string &sourceFallback) {
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(installed, "share", "concur", relative);
  return {std::string(installed), sourceFallback};
}

std::string dataDir(const std::string &relative, const std::string &sourceFallback) {
  for (const std::string &candidate : dataDirCandidates(relative, sourceFallback))
    if (llvm::sys::fs::is_directory(candidate))
      return candidate;
  return {};
}

std::string describeCandidates(const std::vector<std::string> &candidates) {
  std::string out;
  for (size_t i = 0; i < candidates.size(); ++i)
    out += (i == 0 ? "" : i + 1 == candidates.size() ? " and " : ", ") + ("'" + candidates[i] + "'");
  return out;
}

} // namespace concur
