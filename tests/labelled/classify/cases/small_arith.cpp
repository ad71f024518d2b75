// A little arithmetic.
#include "../measure.hpp"

#include <cstdio>

int scale(int value, int percent) { return value * percent / 100 + (value % 3); }

int main() {
  int r = 0;
  concur_measure("scale", [&] { r = scale(250, 40); });
  std::fprintf(stderr, "%d\n", r);
}
