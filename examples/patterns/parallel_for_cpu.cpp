// Pattern: a CPU loop on parallel_for.
// An independent-iteration loop over a large range is split recursively into
// chunks that the pool's workers steal; the caller takes part and returns
// when every index is done.
#include <concur/concur.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  concur::thread_pool pool;  // one worker per hardware thread
  const int n = 2'000'000;
  std::vector<double> out(n);

  // Before: for (int i = 0; i < n; ++i) out[i] = std::sqrt(i) * std::sin(i);
  concur::parallel_for(pool, 0, n, [&](int i) { out[i] = std::sqrt(i) * std::sin(i); });

  // A reduction: one partial sum per chunk, combined at the end.
  std::vector<double> partial(64, 0.0);
  concur::parallel_for(pool, 0, 64, [&](int c) {
    for (int i = c * (n / 64); i < (c + 1) * (n / 64); ++i) partial[c] += out[i];
  });
  double sum = 0;
  for (double p : partial) sum += p;
  double check = 0;
  for (int i = 0; i < n; ++i) check += std::sqrt(i) * std::sin(i);
  std::printf("sum=%.3f (sequential %.3f)\n", sum, check);
  return std::fabs(sum - check) < 1e-6 * std::fabs(check) + 1e-6 ? 0 : 1;
}
