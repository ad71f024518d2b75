#include "config/Globs.h"

#include <cctype>

namespace concur {

std::optional<std::string> GlobList::parse(const std::string &text, GlobList &out) {
  out = GlobList();
  out.text_ = text;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos)
      end = text.size();
    std::string item = text.substr(start, end - start);
    start = end + 1;
    // Trim whitespace and newlines (configs often wrap long lists).
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
      item.erase(item.begin());
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
      item.pop_back();
    if (item.empty())
      continue;
    bool positive = item[0] != '-';
    if (!positive)
      item.erase(0, 1);
    if (item.empty())
      return "empty glob after '-' in '" + text + "'";
    for (char c : item)
      if (c != '*' && !std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
        return std::string("invalid character '") + c + "' in glob '" + item + "'";
    out.globs_.push_back({positive, item});
  }
  return std::nullopt;
}

namespace {

/// Whole-string match of a pattern whose only wildcard is '*': the greedy
/// walk that backs up to the last star, O(pattern x name) at worst.
bool wildcardMatch(const std::string &pattern, const std::string &name) {
  size_t p = 0, n = 0, star = std::string::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

} // namespace

bool GlobList::contains(const std::string &name) const {
  bool result = false;
  for (const auto &glob : globs_)
    if (wildcardMatch(glob.pattern, name))
      result = glob.positive;
  return result;
}

} // namespace concur
