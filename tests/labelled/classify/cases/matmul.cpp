// Dense matrix multiplication.
#include "../measure.hpp"

#include <cstdio>
#include <vector>

namespace la {

struct Matrix {
  int n;
  std::vector<double> v;
  explicit Matrix(int size) : n(size), v(static_cast<size_t>(size) * size) {}
  double &at(int i, int j) { return v[static_cast<size_t>(i) * n + j]; }
  double at(int i, int j) const { return v[static_cast<size_t>(i) * n + j]; }
};

Matrix multiply(const Matrix &a, const Matrix &b) {
  Matrix c(a.n);
  for (int i = 0; i < a.n; ++i)
    for (int k = 0; k < a.n; ++k) {
      double aik = a.at(i, k);
      for (int j = 0; j < a.n; ++j)
        c.at(i, j) += aik * b.at(k, j);
    }
  return c;
}

} // namespace la

int main() {
  const int n = 650;
  la::Matrix a(n), b(n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      a.at(i, j) = (i + j) % 7;
      b.at(i, j) = (i * j) % 5;
    }
  la::Matrix c(1);
  concur_measure("la::multiply", [&] { c = la::multiply(a, b); });
  std::fprintf(stderr, "%f\n", c.at(n / 2, n / 3));
}
