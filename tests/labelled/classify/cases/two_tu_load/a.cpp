// The function under test only calls load() and crunch(), defined in b.cpp.
#include "../../measure.hpp"

#include <cstdio>

int load(int key);
long crunch(int value);

long task_a(int keys) {
  long total = 0;
  for (int k = 0; k < keys; ++k)
    total += crunch(load(k));
  return total;
}

int main() {
  long r = 0;
  concur_measure("task_a", [&] { r = task_a(4); });
  std::fprintf(stderr, "%ld\n", r);
}
