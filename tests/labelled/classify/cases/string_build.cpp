// Builds a long string from numbers.
#include "../measure.hpp"

#include <cstdio>
#include <string>

std::string build(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += std::to_string(i * 7919 % 1000003);
    out += ',';
  }
  return out;
}

int main() {
  std::string r;
  concur_measure("build", [&] { r = build(8'000'000); });
  std::fprintf(stderr, "%zu\n", r.size());
}
