// Longest Collatz chain below a limit, with do/while loops.
#include "../measure.hpp"

#include <cstdio>

unsigned walk(unsigned limit) {
  unsigned best = 0;
  unsigned n = 1;
  do {
    unsigned long long x = n;
    unsigned len = 0;
    do {
      x = (x & 1) ? 3 * x + 1 : x / 2;
      ++len;
    } while (x != 1);
    if (len > best)
      best = len;
    ++n;
  } while (n < limit);
  return best;
}

int main() {
  unsigned r = 0;
  concur_measure("walk", [&] { r = walk(1'500'000u); });
  std::fprintf(stderr, "%u\n", r);
}
