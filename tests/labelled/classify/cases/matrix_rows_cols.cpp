// A Matrix class whose rows/cols fields are set in its constructor; main
// builds a 700x600 and a 600x600 matrix and multiplies them.
#include "../measure.hpp"

#include <cstdio>
#include <vector>

namespace la {

class Matrix {
public:
  Matrix(int rows, int cols) : rows_(rows), cols_(cols), data_(static_cast<size_t>(rows) * cols) {}
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  double &operator()(int r, int c) { return data_[static_cast<size_t>(r) * cols_ + c]; }
  double operator()(int r, int c) const { return data_[static_cast<size_t>(r) * cols_ + c]; }
  Matrix apply(const Matrix &rhs) const;

private:
  int rows_, cols_;
  std::vector<double> data_;
};

Matrix Matrix::apply(const Matrix &rhs) const {
  Matrix out(rows_, rhs.cols_);
  for (int i = 0; i < rows_; ++i)
    for (int k = 0; k < cols_; ++k) {
      const double a = (*this)(i, k);
      for (int j = 0; j < rhs.cols_; ++j)
        out(i, j) += a * rhs(k, j);
    }
  return out;
}

} // namespace la

int main() {
  la::Matrix a(700, 600), b(600, 600);
  for (int i = 0; i < a.rows(); ++i)
    for (int j = 0; j < a.cols(); ++j)
      a(i, j) = (i * 3 + j) % 11 * 0.5;
  for (int i = 0; i < b.rows(); ++i)
    for (int j = 0; j < b.cols(); ++j)
      b(i, j) = (i + j * 5) % 7 * 0.25;
  la::Matrix c(1, 1);
  concur_measure("la::Matrix::apply", [&] { c = a.apply(b); });
  std::fprintf(stderr, "%f\n", c(350, 300));
}
