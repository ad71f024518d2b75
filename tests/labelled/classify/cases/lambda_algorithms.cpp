// Standard algorithms with lambdas, repeated over a large vector.
#include "../measure.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

double score(std::vector<double> &xs, int passes) {
  double total = 0;
  for (int p = 0; p < passes; ++p) {
    std::transform(xs.begin(), xs.end(), xs.begin(),
                   [p](double x) { return x * 0.5 + 1.0 / (x + p + 1.0); });
    total += std::accumulate(xs.begin(), xs.end(), 0.0,
                             [](double a, double x) { return a + x * x; });
  }
  return total;
}

int main() {
  std::vector<double> xs(1'000'000);
  std::iota(xs.begin(), xs.end(), 1.0);
  double r = 0;
  concur_measure("score", [&] { r = score(xs, 80); });
  std::fprintf(stderr, "%f\n", r);
}
