// clang-tidy-style glob lists: 'concur-*,-concur-cpu-in-event-loop'.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace concur {

class GlobList {
public:
  /// Parses a comma-separated list; returns an error message on a bad glob.
  static std::optional<std::string> parse(const std::string &text, GlobList &out);

  /// The last glob that matches decides; no match means not contained.
  bool contains(const std::string &name) const;
  bool empty() const { return globs_.empty(); }
  const std::string &text() const { return text_; }

private:
  struct Glob {
    bool positive;
    std::string pattern; // literal characters and '*'
  };
  std::vector<Glob> globs_;
  std::string text_;
};

} // namespace concur
