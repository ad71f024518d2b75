// Sorts a large vector.
#include "../measure.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

void handle(std::vector<int> &values) { std::sort(values.begin(), values.end()); }

int main() {
  std::mt19937 gen(12345);
  std::vector<int> values(4'000'000);
  for (auto &v : values)
    v = static_cast<int>(gen());
  concur_measure("handle", [&] { handle(values); });
  std::fprintf(stderr, "%d\n", values[values.size() / 2]);
}
