// Pattern: a non-reentrant CPU job on the process pool.
// `tokenize` uses strtok and a global table, so two threads cannot run it at
// once; worker processes can, each with its own copy of the globals. A worker
// that crashes fails only its own task.
#include <concur/concur.hpp>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

static std::map<std::string, int> g_counts;  // global state: not thread-safe

std::map<std::string, int> tokenize(std::string text) {
  g_counts.clear();
  for (char* tok = std::strtok(text.data(), " ,."); tok; tok = std::strtok(nullptr, " ,."))
    ++g_counts[tok];
  return g_counts;
}

int main() {
  concur::process_pool pool({.workers = 2});
  std::vector<std::string> docs = {"a b a", "b c", "c c c", "a, b. c"};
  std::vector<concur::future<std::map<std::string, int>>> parts;
  for (const auto& d : docs) parts.push_back(pool.submit(tokenize, d));
  std::map<std::string, int> total;
  for (auto& p : parts)
    for (auto& [word, n] : p.get()) total[word] += n;
  for (auto& [word, n] : total) std::printf("%s=%d ", word.c_str(), n);
  std::printf("\n");
  // map() splits the inputs into chunks, one message per chunk.
  std::vector<std::map<std::string, int>> again = pool.map(tokenize, docs).get();
  return total["a"] == 3 && total["c"] == 5 && again.size() == 4 ? 0 : 1;
}
