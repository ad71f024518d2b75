// Naive recursion.
#include "../measure.hpp"

#include <cstdio>

long calc(int n) { return n < 2 ? n : calc(n - 1) + calc(n - 2); }

int main() {
  long r = 0;
  concur_measure("calc", [&] { r = calc(38); });
  std::fprintf(stderr, "%ld\n", r);
}
