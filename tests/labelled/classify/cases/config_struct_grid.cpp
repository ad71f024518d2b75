// Jacobi relaxation of a heat grid; the grid size and number of sweeps are
// fields of a Config that main fills once.
#include "../measure.hpp"

#include <cstdio>
#include <utility>
#include <vector>

namespace heat {

struct Config {
  int grid = 0;
  int sweeps = 0;
  double alpha = 0.0;
};

class Solver {
public:
  explicit Solver(const Config &cfg)
      : cfg_(cfg), cur_(static_cast<size_t>(cfg.grid) * cfg.grid), next_(cur_.size()) {
    for (int i = 0; i < cfg_.grid; ++i)
      cur_[i] = 100.0; // hot top edge
  }
  double step();

private:
  Config cfg_;
  std::vector<double> cur_, next_;
};

double Solver::step() {
  const int n = cfg_.grid;
  for (int s = 0; s < cfg_.sweeps; ++s) {
    for (int y = 1; y + 1 < n; ++y)
      for (int x = 1; x + 1 < n; ++x) {
        const size_t i = static_cast<size_t>(y) * n + x;
        next_[i] = cur_[i] + cfg_.alpha * (cur_[i - 1] + cur_[i + 1] + cur_[i - n] + cur_[i + n] -
                                           4.0 * cur_[i]);
      }
    std::swap(cur_, next_);
  }
  return cur_[static_cast<size_t>(n / 2) * n + n / 2];
}

} // namespace heat

int main() {
  heat::Config cfg;
  cfg.grid = 800;
  cfg.sweeps = 220;
  cfg.alpha = 0.2;
  heat::Solver solver(cfg);
  double r = 0;
  concur_measure("heat::Solver::step", [&] { r = solver.step(); });
  std::fprintf(stderr, "%f\n", r);
}
