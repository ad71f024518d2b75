// Nested loops over a fixed grid.
#include "../measure.hpp"

#include <cstdio>

constexpr int kRows = 10000;
constexpr int kCols = 10000;

unsigned work() {
  unsigned h = 2166136261u;
  for (int r = 0; r < kRows; ++r)
    for (int c = 0; c < kCols; ++c)
      h = (h ^ static_cast<unsigned>(r * 31 + c)) * 16777619u + (h >> 11);
  return h;
}

int main() {
  unsigned r = 0;
  concur_measure("work", [&] { r = work(); });
  std::fprintf(stderr, "%u\n", r);
}
