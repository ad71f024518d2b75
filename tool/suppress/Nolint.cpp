#include "suppress/Nolint.h"

#include "config/Globs.h"

#include <llvm/Support/MemoryBuffer.h>

namespace concur {

namespace {

/// Finds `marker` in `line` as a whole word; when found, `checks` gets the
/// parenthesised list ('*' when there is none).
bool findMarker(const std::string &line, const std::string &marker, std::string &checks) {
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

const std::vector<std::string> &NolintFilter::lines(const std::string &file) {
  auto [it, inserted] = files_.try_emplace(file);
  if (inserted)
    if (auto buffer = llvm::MemoryBuffer::getFile(file)) {
      llvm::StringRef text = (*buffer)->getBuffer();
      while (!text.empty()) {
        auto [line, rest] = text.split('\n');
        it->second.push_back(line.str());
        text = rest;
      }
    }
  return it->second;
}

bool NolintFilter::suppressed(const Finding &finding) {
  const auto &text = lines(finding.loc.file);
  const unsigned line = finding.loc.line;
  if (line == 0 || line > text.size())
    return false;
  std::string checks;
  if (findMarker(text[line - 1], "NOLINT", checks) && covers(checks, finding.check))
    return true;
  if (line >= 2 && findMarker(text[line - 2], "NOLINTNEXTLINE", checks) && covers(checks, finding.check))
    return true;
  // Inside a NOLINTBEGIN ... NOLINTEND region covering the check.
  std::vector<std::string> open;
  for (unsigned i = 0; i + 1 < line; ++i) {
    if (findMarker(text[i], "NOLINTBEGIN", checks))
      open.push_back(checks);
    else if (findMarker(text[i], "NOLINTEND", checks))
      for (auto it = open.rbegin(); it != open.rend(); ++it)
        if (*it == checks) {
          open.erase(std::next(it).base());
          break;
        }
  }
  for (const auto &region : open)
    if (covers(region, finding.check))
      return true;
  return false;
}

} // namespace concur
