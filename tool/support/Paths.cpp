#include "support/Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace concur {

std::string absolutePath(const std::string &path) {
  llvm::SmallString<256> full(path);
  llvm::sys::fs::make_absolute(full);
  llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/true);
  return std::string(full);
}

std::string findAbove(const std::string &start, const std::string &name, bool (*accept)(const std::string &)) {
  llvm::SmallString<256> dir(start);
  llvm::sys::fs::make_absolute(dir);
  while (!dir.empty()) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, name);
    if (accept(std::string(candidate)))
      return std::string(candidate);
    std::string parent = llvm::sys::path::parent_path(dir).str();
    if (parent.empty() || parent == dir.str())
      break;
    dir = parent;
  }
  return {};
}

} // namespace concur
