// The Matrix class of matrix_rows_cols.cpp (rows/cols fields set in its
// constructor); main multiplies a 3x3 rotation by a 3x2 matrix.
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
  la::Matrix a(3, 3), b(3, 2);
  for (int i = 0; i < a.rows(); ++i)
    for (int j = 0; j < a.cols(); ++j)
      a(i, j) = (i * 3 + j) % 11 * 0.5;
  for (int i = 0; i < b.rows(); ++i)
    for (int j = 0; j < b.cols(); ++j)
      b(i, j) = (i + j * 5) % 7 * 0.25;
  la::Matrix c(1, 1);
  concur_measure("la::Matrix::apply", [&] { c = a.apply(b); });
  std::fprintf(stderr, "%f\n", c(1, 1));
}
