#include "suppress/Nolint.h"

#include "config/Globs.h"

#include <llvm/Support/MemoryBuffer.h>

namespace concur {

namespace {

/// Finds `marker` in `line` as a whole word; when found, `checks` gets the
/// parenthesised list ('*' when there is none) and `column` its 1-based column.
bool findMarker(const std::string &line, const std::string &marker, std::string &checks,
                unsigned *column = nullptr) {
  for (size_t pos = line.find(marker); pos != std::string::npos; pos = line.find(marker, pos + 1)) {
    size_t end = pos + marker.size();
    if (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_'))
      continue; // NOLINT is a prefix of NOLINTNEXTLINE
    if (end < line.size() && line[end] == '(') {
      size_t close = line.find(')', end);
      if (close == std::string::npos)
        continue;
      checks = line.substr(end + 1, close - end - 1);
    } else {
      checks = "*";
    }
    if (column)
      *column = unsigned(pos + 1);
    return true;
  }
  return false;
}

bool covers(const std::string &checks, const std::string &check) {
  GlobList globs;
  if (GlobList::parse(checks, globs))
    return false;
  return globs.contains(check);
}

} // namespace

const NolintFilter::FileInfo &NolintFilter::info(const std::string &file) {
  auto [it, inserted] = files_.try_emplace(file);
  FileInfo &info = it->second;
  if (!inserted)
    return info;
  if (auto buffer = llvm::MemoryBuffer::getFile(file)) {
    llvm::StringRef text = (*buffer)->getBuffer();
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      info.lines.push_back(line.str());
      text = rest;
    }
  }
  // Blocks, as clang-tidy forms them: an END closes the innermost BEGIN when
  // their check lists are the same text, and is unmatched otherwise.
  struct Open {
    Marker marker;
    std::string checks;
  };
  std::vector<Open> stack;
  unsigned offset = 0;
  for (unsigned i = 0; i < info.lines.size(); ++i) {
    const std::string &line = info.lines[i];
    std::string checks;
    unsigned column = 0;
    if (findMarker(line, "NOLINTBEGIN", checks, &column)) {
      stack.push_back({{i + 1, column, offset + column - 1, true}, checks});
    } else if (findMarker(line, "NOLINTEND", checks, &column)) {
      if (!stack.empty() && stack.back().checks == checks) {
        info.blocks.push_back({stack.back().marker.line, i + 1, checks});
        stack.pop_back();
      } else {
        info.unmatched.push_back({i + 1, column, offset + column - 1, false});
      }
    }
    offset += unsigned(line.size()) + 1;
  }
  for (const Open &open : stack)
    info.unmatched.push_back(open.marker);
  return info;
}

bool NolintFilter::suppressed(const Finding &finding) {
  if (finding.check == kNolintCheck)
    return false;
  const FileInfo &file = info(finding.loc.file);
  const auto &text = file.lines;
  const unsigned line = finding.loc.line;
  if (line == 0 || line > text.size())
    return false;
  std::string checks;
  if (findMarker(text[line - 1], "NOLINT", checks) && covers(checks, finding.check))
    return true;
  if (line >= 2 && findMarker(text[line - 2], "NOLINTNEXTLINE", checks) && covers(checks, finding.check))
    return true;
  for (const Block &block : file.blocks)
    if (block.begin <= line && line <= block.end && covers(block.checks, finding.check))
      return true;
  return false;
}

std::vector<Finding> NolintFilter::unmatchedMarkers() const {
  std::vector<Finding> out;
  for (const auto &[path, file] : files_)
    for (const Marker &marker : file.unmatched) {
      Finding f;
      f.check = kNolintCheck;
      f.severity = Severity::Error;
      f.loc = {path, marker.line, marker.column, marker.offset};
      f.message = marker.isBegin ? "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment"
                                 : "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment";
      out.push_back(std::move(f));
    }
  return out;
}

} // namespace concur
