// Builds a word-frequency index (std::unordered_map<std::string, int>) over a
// 16 MB text that main assembles from a vocabulary.
#include "../measure.hpp"

#include <cctype>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace text {

class Index {
public:
  size_t update(const std::string &body);
  int count(const std::string &w) const {
    auto it = counts_.find(w);
    return it == counts_.end() ? 0 : it->second;
  }

private:
  std::unordered_map<std::string, int> counts_;
};

size_t Index::update(const std::string &body) {
  std::string word;
  for (char c : body) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      ++counts_[word];
      word.clear();
    }
  }
  if (!word.empty())
    ++counts_[word];
  return counts_.size();
}

} // namespace text

int main() {
  const char *vocab[] = {"River", "stone", "Lantern", "quiet", "harbor", "Meadow", "copper",
                         "winter", "signal", "Orchard", "thread", "Pillow", "marble", "violet"};
  std::string body;
  unsigned x = 12345;
  while (body.size() < 16'000'000) {
    x = x * 1103515245u + 12345u;
    body += vocab[(x >> 16) % 14];
    body += static_cast<char>('a' + (x >> 8) % 26); // suffixes make distinct words: "stoneqk"
    body += static_cast<char>('a' + (x >> 13) % 26);
    body += (x & 0x30) ? " " : ", ";
  }
  text::Index index;
  size_t r = 0;
  concur_measure("text::Index::update", [&] { r = index.update(body); });
  std::fprintf(stderr, "%zu %d\n", r, index.count("stoneab"));
}
