// A ten-iteration loop.
#include "../measure.hpp"

#include <cstdio>

int step(const int *values) {
  int acc = 0;
  for (int i = 0; i < 10; ++i)
    acc = acc * 3 + values[i];
  return acc;
}

int main() {
  int values[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  int r = 0;
  concur_measure("step", [&] { r = step(values); });
  std::fprintf(stderr, "%d\n", r);
}
