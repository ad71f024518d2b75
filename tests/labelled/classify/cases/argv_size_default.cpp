// Counts "happy" numbers below n, where n comes from argv with a default of
// 3,000,000 (the harness passes no arguments).
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>

long run_one(int n) {
  long count = 0;
  for (int i = 1; i < n; ++i) {
    int v = i;
    int guard = 0;
    while (v != 1 && v != 4 && guard < 100) {
      int s = 0;
      while (v > 0) {
        int d = v % 10;
        s += d * d;
        v /= 10;
      }
      v = s;
      ++guard;
    }
    if (v == 1)
      ++count;
  }
  return count;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 3'000'000;
  long r = 0;
  concur_measure("run_one", [&] { r = run_one(n); });
  std::fprintf(stderr, "%ld\n", r);
}
