#include "driver/Inputs.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace concur {

using namespace clang::tooling;

namespace {

std::string absolute(const std::string &path) {
  llvm::SmallString<256> full(path);
  llvm::sys::fs::make_absolute(full);
  llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/true);
  return std::string(full);
}

} // namespace

std::optional<std::string> resolveInputs(const Invocation &inv, Inputs &out) {
  std::string error;
  for (const auto &file : inv.files) {
    if (!llvm::sys::fs::exists(file))
      return "no such file: '" + file + "'";
    out.files.push_back(absolute(file));
  }
  if (inv.compilerArgs) {
    out.database = std::make_unique<FixedCompilationDatabase>(".", *inv.compilerArgs);
    if (out.files.empty())
      return "no input files: with '--', name the files to analyse";
  } else if (!inv.buildPath.empty()) {
    out.database = CompilationDatabase::loadFromDirectory(inv.buildPath, error);
    if (!out.database)
      return "cannot load a compilation database from '" + inv.buildPath + "': " + error;
    if (out.files.empty())
      for (const auto &file : out.database->getAllFiles())
        out.files.push_back(absolute(file));
  } else {
    if (out.files.empty())
      return "no input files (name files, or give -p BUILD_DIR to analyse a whole compilation database)";
    llvm::SmallString<256> dir(llvm::sys::path::parent_path(out.files.front()));
    out.database = CompilationDatabase::autoDetectFromDirectory(dir, error);
    if (!out.database)
      return "no compile_commands.json found above '" + std::string(dir) +
             "' (give -p BUILD_DIR, or the compile command after '--')";
  }
  // Files the database does not list (headers, new files) get the command of
  // the most similar file, as clang-tidy and clangd do.
  if (!inv.compilerArgs)
    out.database = inferMissingCompileCommands(std::move(out.database));
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  if (out.files.empty())
    return "the compilation database lists no files";
  return std::nullopt;
}

std::string clangResourceDir() {
  if (llvm::sys::fs::is_directory(CONCUR_CLANG_RESOURCE_DIR))
    return CONCUR_CLANG_RESOURCE_DIR;
  // Built on one machine, run on another: look where Debian installs clang 19.
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it("/usr/lib/llvm-19/lib/clang", ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::fs::is_directory(it->path() + "/include"))
      return it->path();
  return CONCUR_CLANG_RESOURCE_DIR;
}

} // namespace concur
