// The function under test only calls fetch(), defined in b.cpp.
#include "../../measure.hpp"

#include <cstdio>

int fetch(int key);

int process(int keys) {
  int total = 0;
  for (int k = 0; k < keys; ++k)
    total += fetch(k);
  return total;
}

int main() {
  int r = 0;
  concur_measure("process", [&] { r = process(6); });
  std::fprintf(stderr, "%d\n", r);
}
