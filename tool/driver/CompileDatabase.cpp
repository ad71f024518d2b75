#include "driver/CompileDatabase.h"

#include "support/Paths.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <regex>
#include <vector>

namespace concur {

using namespace clang::tooling;

namespace {

struct TextPos {
  unsigned line = 1, column = 1;
};

/// Line and column of each of the (increasing) offsets, in one pass.
std::vector<TextPos> positionsOf(llvm::StringRef text, const std::vector<size_t> &offsets) {
  std::vector<TextPos> out;
  TextPos pos;
  size_t i = 0;
  for (size_t offset : offsets) {
    for (; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++pos.line;
        pos.column = 1;
      } else {
        ++pos.column;
      }
    }
    out.push_back(pos);
  }
  return out;
}

/// Offsets where each element of the top-level array starts. The text is
/// known to be valid JSON, so tracking strings and nesting is enough.
std::vector<size_t> elementOffsets(llvm::StringRef text) {
  std::vector<size_t> offsets;
  int depth = 0;
  bool inString = false, expectElement = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      continue;
    if (expectElement && c != ']') {
      offsets.push_back(i);
      expectElement = false;
    }
    if (c == '"')
      inString = true;
    else if (c == '[' || c == '{')
      expectElement = (++depth == 1 && c == '[');
    else if (c == ']' || c == '}')
      --depth;
    else if (c == ',' && depth == 1)
      expectElement = true;
  }
  return offsets;
}

/// llvm::json reports '[line:column, byte=N]: message'.
std::string parseErrorText(const std::string &path, llvm::Error err) {
  std::string text = llvm::toString(std::move(err));
  std::smatch m;
  static const std::regex shape(R"(^\[(\d+):(\d+), byte=\d+\]: (.*)$)");
  if (std::regex_match(text, m, shape))
    return path + ":" + m[1].str() + ":" + m[2].str() + ": " + m[3].str();
  return path + ": " + text;
}

/// The key Inputs gives the entry's file (driver/Inputs.cpp).
std::string absoluteFile(llvm::StringRef directory, llvm::StringRef file) {
  llvm::SmallString<256> full;
  if (llvm::sys::path::is_absolute(file)) {
    full = file;
  } else {
    full = directory;
    llvm::sys::path::append(full, file);
  }
  return absolutePath(std::string(full));
}

/// Checks one entry. Returns a database-level error for an entry that is
/// malformed; records in `bad` an entry that is well-formed but unusable.
std::optional<std::string> checkEntry(const llvm::json::Value &value, const std::string &where,
                                      std::map<std::string, BadEntry> &bad) {
  const llvm::json::Object *entry = value.getAsObject();
  if (!entry)
    return where + ": a compile command must be an object";
  auto directory = entry->getString("directory");
  auto file = entry->getString("file");
  if (!directory)
    return where + ": the entry has no string 'directory'";
  if (!file)
    return where + ": the entry has no string 'file'";
  const llvm::json::Array *arguments = entry->getArray("arguments");
  if (!entry->getString("command") && !arguments)
    return where + ": the entry for '" + file->str() + "' has neither 'command' nor 'arguments'";
  if (arguments)
    for (const llvm::json::Value &arg : *arguments)
      if (!arg.getAsString())
        return where + ": the 'arguments' of '" + file->str() + "' must all be strings";
  const std::string key = absoluteFile(*directory, *file);
  if (!llvm::sys::path::is_absolute(*directory))
    bad.emplace(key, BadEntry{where, "the entry's 'directory' is relative ('" + directory->str() +
                                         "'); a compilation database needs absolute directories"});
  else if (!llvm::sys::fs::is_directory(*directory))
    bad.emplace(key, BadEntry{where, "the entry's 'directory' does not exist: '" + directory->str() + "'"});
  return std::nullopt;
}

} // namespace

std::optional<LoadedDatabase> loadCompileCommands(const std::string &path, std::string &error) {
  if (!llvm::sys::fs::is_regular_file(path)) {
    error = path + ": cannot read the compilation database: " +
            (llvm::sys::fs::exists(path) ? "not a regular file" : "no such file");
    return std::nullopt;
  }
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    error = path + ": cannot read the compilation database: " + buffer.getError().message();
    return std::nullopt;
  }
  llvm::StringRef text = (*buffer)->getBuffer();
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(text);
  if (!root) {
    error = parseErrorText(path, root.takeError());
    return std::nullopt;
  }
  const llvm::json::Array *entries = root->getAsArray();
  if (!entries) {
    error = path + ":1:1: a compilation database must be a list of compile commands";
    return std::nullopt;
  }
  LoadedDatabase loaded;
  std::vector<TextPos> positions = positionsOf(text, elementOffsets(text));
  for (size_t i = 0; i < entries->size(); ++i) {
    TextPos pos = i < positions.size() ? positions[i] : TextPos{};
    std::string where = path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
    if (auto problem = checkEntry((*entries)[i], where, loaded.badEntries)) {
      error = *problem;
      return std::nullopt;
    }
  }
  std::string clangError;
  loaded.database = JSONCompilationDatabase::loadFromBuffer(text, clangError, JSONCommandLineSyntax::AutoDetect);
  if (!loaded.database) {
    error = path + ": " + clangError;
    return std::nullopt;
  }
  return loaded;
}

std::string findCompileCommandsAbove(const std::string &start) {
  // Anything by that name counts: a directory or FIFO there gets a clear
  // error from loadCompileCommands rather than being skipped silently.
  return findAbove(start, "compile_commands.json", [](const std::string &path) { return llvm::sys::fs::exists(path); });
}

} // namespace concur
