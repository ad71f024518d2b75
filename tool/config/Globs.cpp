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
    std::string pattern;
    for (char c : item) {
      if (c == '*')
        pattern += ".*";
      else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
        pattern += c == '.' ? std::string("\\.") : std::string(1, c);
      else
        return std::string("invalid character '") + c + "' in glob '" + item + "'";
    }
    out.globs_.push_back({positive, std::regex(pattern)});
  }
  return std::nullopt;
}

bool GlobList::contains(const std::string &name) const {
  bool result = false;
  for (const auto &glob : globs_)
    if (std::regex_match(name, glob.regex))
      result = glob.positive;
  return result;
}

} // namespace concur
