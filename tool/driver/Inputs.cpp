#include "driver/Inputs.h"

#include "driver/CompileDatabase.h"
#include "support/Paths.h"

#include <clang/Driver/Types.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace concur {

using namespace clang::tooling;

namespace {


} // namespace

namespace {

/// Loads a compile_commands.json into `out`.
std::optional<std::string> loadJson(const std::string &json, Inputs &out) {
  std::string error;
  auto loaded = loadCompileCommands(json, error);
  if (!loaded)
    return "invalid compilation database: " + error;
  out.database = std::move(loaded->database);
  out.badEntries = std::move(loaded->badEntries);
  return std::nullopt;
}

/// The database -p names: a directory holding compile_commands.json (or
/// compile_flags.txt), or the compile_commands.json file itself, as
/// clang-tidy accepts both.
std::optional<std::string> loadFromBuildPath(const std::string &buildPath, Inputs &out) {
  std::string error;
  std::string json = buildPath;
  if (llvm::sys::fs::is_directory(buildPath)) {
    llvm::SmallString<256> candidate(buildPath);
    llvm::sys::path::append(candidate, "compile_commands.json");
    json = std::string(candidate);
    if (!llvm::sys::fs::exists(json)) {
      out.database = CompilationDatabase::loadFromDirectory(buildPath, error);
      if (!out.database)
        return "cannot load a compilation database from '" + buildPath + "': no compile_commands.json there";
      return std::nullopt;
    }
  } else if (!llvm::sys::fs::exists(buildPath)) {
    return "cannot load a compilation database from '" + buildPath + "': no such file or directory";
  }
  return loadJson(json, out);
}

std::optional<std::string> detectAbove(const std::string &dir, Inputs &out) {
  std::string json = findCompileCommandsAbove(dir);
  if (!json.empty())
    return loadJson(json, out);
  std::string error;
  llvm::SmallString<256> start(dir);
  out.database = CompilationDatabase::autoDetectFromDirectory(start, error); // compile_flags.txt
  if (!out.database)
    return "no compile_commands.json found above '" + dir +
           "' (give -p BUILD_DIR, or the compile command after '--')";
  return std::nullopt;
}

/// A C or C++ source by its extension, as clang's driver decides; a
/// database also lists assembly (.S, .s) and other languages' files.
bool isCFamilySource(llvm::StringRef file) {
  namespace types = clang::driver::types;
  llvm::StringRef ext = llvm::sys::path::extension(file);
  if (ext.empty())
    return true; // no extension: let the compile command decide
  types::ID type = types::lookupTypeForExtension(ext.drop_front());
  return types::isCXX(type) || type == types::TY_C || type == types::TY_CHeader || type == types::TY_ObjC;
}

} // namespace

std::optional<std::string> resolveInputs(const Invocation &inv, Inputs &out) {
  // A file that does not exist is not a usage error: it fails alone, and
  // every other file is still analysed (driver/Executor.cpp).
  for (const auto &file : inv.files)
    out.files.push_back(absolutePath(file));
  if (inv.compilerArgs) {
    out.database = std::make_unique<FixedCompilationDatabase>(".", *inv.compilerArgs);
    if (out.files.empty())
      return "no input files: with '--', name the files to analyse";
  } else if (!inv.buildPath.empty()) {
    if (auto error = loadFromBuildPath(inv.buildPath, out))
      return error;
    if (out.files.empty())
      for (const auto &file : out.database->getAllFiles())
        if (isCFamilySource(file)) // the whole database: its C and C++ files
          out.files.push_back(absolutePath(file));
  } else {
    if (out.files.empty())
      return "no input files (name files, or give -p BUILD_DIR to analyse a whole compilation database)";
    if (auto error = detectAbove(std::string(llvm::sys::path::parent_path(out.files.front())), out))
      return error;
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
