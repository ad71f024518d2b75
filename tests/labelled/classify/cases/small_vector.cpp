// Finds the first even element of a short vector with a std algorithm.
#include "../measure.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

int pick(const std::vector<int> &v) {
  auto it = std::find_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; });
  return it == v.end() ? -1 : *it;
}

int main() {
  std::vector<int> v = {7, 3, 9, 5, 8, 1, 4, 6};
  int r = 0;
  concur_measure("pick", [&] { r = pick(v); });
  std::fprintf(stderr, "%d\n", r);
}
