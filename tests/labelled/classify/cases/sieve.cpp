// Sieve of Eratosthenes.
#include "../measure.hpp"

#include <cstdio>
#include <vector>

int run_one(int limit) {
  std::vector<bool> composite(limit + 1, false);
  int count = 0;
  for (int i = 2; i <= limit; ++i) {
    if (composite[i])
      continue;
    ++count;
    for (long j = static_cast<long>(i) * i; j <= limit; j += i)
      composite[j] = true;
  }
  return count;
}

int main() {
  int r = 0;
  concur_measure("run_one", [&] { r = run_one(40'000'000); });
  std::fprintf(stderr, "%d\n", r);
}
