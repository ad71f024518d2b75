#include <vector>

double transform_block(std::vector<double> &block, int iterations) {
  double sum = 0;
  for (int it = 0; it < iterations; ++it)
    for (double &x : block) {
      x = x * 0.999 + 0.5 / (x + 1.0);
      sum += x;
    }
  return sum;
}
