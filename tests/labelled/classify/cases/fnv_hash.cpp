// Hashes a buffer many times over.
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

uint64_t digest(const std::string &data, int rounds) {
  uint64_t h = 1469598103934665603ull;
  int r = 0;
  while (r < rounds) {
    for (unsigned char ch : data) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    ++r;
  }
  return h;
}

int main() {
  std::string data(1 << 20, 'x');
  for (size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<char>('a' + i % 26);
  uint64_t r = 0;
  concur_measure("digest", [&] { r = digest(data, 150); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}
