// Floating point math over an array.
#include "../measure.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

double step(const std::vector<double> &xs, int passes) {
  double acc = 0.0;
  for (int p = 0; p < passes; ++p)
    for (size_t i = 0; i < xs.size(); ++i)
      acc += std::sin(xs[i] + p) * std::sqrt(xs[i] + 1.0) / (1.0 + std::cos(xs[i]) * std::cos(xs[i]));
  return acc;
}

int main() {
  std::vector<double> xs(1'000'000);
  for (size_t i = 0; i < xs.size(); ++i)
    xs[i] = static_cast<double>(i) * 1e-3;
  double r = 0;
  concur_measure("step", [&] { r = step(xs, 6); });
  std::fprintf(stderr, "%f\n", r);
}
