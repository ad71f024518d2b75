// Solves a dense linear system A x = b by Gaussian elimination with partial
// pivoting; the order (1050) is a field the System constructor sets from main.
#include "../measure.hpp"

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace la {

class System {
public:
  explicit System(int n) : n_(n), a_(static_cast<size_t>(n) * n), b_(static_cast<size_t>(n)) {}
  double &a(int i, int j) { return a_[static_cast<size_t>(i) * n_ + j]; }
  double &b(int i) { return b_[static_cast<size_t>(i)]; }
  int order() const { return n_; }
  std::vector<double> run();

private:
  int n_;
  std::vector<double> a_, b_;
};

std::vector<double> System::run() {
  for (int k = 0; k < n_; ++k) {
    int piv = k;
    for (int i = k + 1; i < n_; ++i)
      if (std::fabs(a(i, k)) > std::fabs(a(piv, k)))
        piv = i;
    if (piv != k) {
      for (int j = 0; j < n_; ++j)
        std::swap(a(k, j), a(piv, j));
      std::swap(b(k), b(piv));
    }
    for (int i = k + 1; i < n_; ++i) {
      const double f = a(i, k) / a(k, k);
      for (int j = k; j < n_; ++j)
        a(i, j) -= f * a(k, j);
      b(i) -= f * b(k);
    }
  }
  std::vector<double> x(static_cast<size_t>(n_));
  for (int i = n_ - 1; i >= 0; --i) {
    double s = b(i);
    for (int j = i + 1; j < n_; ++j)
      s -= a(i, j) * x[static_cast<size_t>(j)];
    x[static_cast<size_t>(i)] = s / a(i, i);
  }
  return x;
}

} // namespace la

int main() {
  la::System sys(1050);
  for (int i = 0; i < sys.order(); ++i) {
    for (int j = 0; j < sys.order(); ++j)
      sys.a(i, j) = (i == j ? sys.order() : 0) + ((i * 31 + j * 17) % 13) * 0.1;
    sys.b(i) = i % 7;
  }
  std::vector<double> x;
  concur_measure("la::System::run", [&] { x = sys.run(); });
  std::fprintf(stderr, "%f\n", x[525]);
}
