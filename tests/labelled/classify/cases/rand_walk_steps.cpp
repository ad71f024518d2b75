// Estimates how often a random walk of `steps` steps ends within a band; every
// step draws from rand() (process-global state behind a lock). The number of
// walks comes from main.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>

namespace walk {

struct Params {
  int walks;
  int steps;
  int band;
};

double run_one(const Params &p) {
  int inside = 0;
  for (int w = 0; w < p.walks; ++w) {
    int pos = 0;
    for (int s = 0; s < p.steps; ++s)
      pos += (std::rand() & 1) ? 1 : -1;
    if (pos >= -p.band && pos <= p.band)
      ++inside;
  }
  return static_cast<double>(inside) / p.walks;
}

} // namespace walk

int main() {
  std::srand(7);
  walk::Params p{80'000, 250, 10};
  double r = 0;
  concur_measure("walk::run_one", [&] { r = walk::run_one(p); });
  std::fprintf(stderr, "%f\n", r);
}
