#include "support/AtomicFile.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace concur {

llvm::Error writeFileAtomically(const std::string &path, llvm::StringRef content) {
  llvm::SmallString<256> temp;
  int fd = -1;
  std::string model = path + ".concur-tmp-%%%%%%";
  if (auto ec = llvm::sys::fs::createUniqueFile(model, fd, temp))
    return llvm::createStringError(ec, "cannot create a temporary file for '%s': %s",
                                   path.c_str(), ec.message().c_str());
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << content;
    os.close();
    if (os.has_error()) {
      std::error_code ec = os.error();
      os.clear_error();
      llvm::sys::fs::remove(temp);
      return llvm::createStringError(ec, "cannot write '%s': %s", path.c_str(), ec.message().c_str());
    }
  }
  // Keep the original file's permissions when replacing it.
  if (auto perms = llvm::sys::fs::getPermissions(path))
    llvm::sys::fs::setPermissions(temp, *perms);
  if (auto ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return llvm::createStringError(ec, "cannot replace '%s': %s", path.c_str(), ec.message().c_str());
  }
  return llvm::Error::success();
}

llvm::Error writeOutputFile(const std::string &path, llvm::StringRef content) {
  // Not followed: renaming over a symbolic link (/dev/stdout) would replace
  // the link, not write where it points.
  llvm::sys::fs::file_status status;
  bool exists = !llvm::sys::fs::status(path, status, /*follow=*/false);
  if (!exists || status.type() == llvm::sys::fs::file_type::regular_file)
    return writeFileAtomically(path, content);
  if (llvm::sys::fs::is_directory(path))
    return llvm::createStringError(std::make_error_code(std::errc::is_a_directory),
                                   "cannot write '%s': Is a directory", path.c_str());
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_Append);
  if (!ec) {
    os << content;
    os.close();
    ec = os.error();
    os.clear_error();
  }
  if (ec)
    return llvm::createStringError(ec, "cannot write '%s': %s", path.c_str(), ec.message().c_str());
  return llvm::Error::success();
}

} // namespace concur
