// The function under test only calls transform_block(), defined in b.cpp.
#include "../../measure.hpp"

#include <cstdio>
#include <vector>

double transform_block(std::vector<double> &block, int iterations);

double work(std::vector<double> &block) {
  double total = 0;
  for (int i = 0; i < 8; ++i)
    total += transform_block(block, 10);
  return total;
}

int main() {
  std::vector<double> block(1 << 20, 1.5);
  double r = 0;
  concur_measure("work", [&] { r = work(block); });
  std::fprintf(stderr, "%f\n", r);
}
