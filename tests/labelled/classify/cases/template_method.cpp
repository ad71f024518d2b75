// A method that folds a large array through a function template.
#include "../measure.hpp"

#include <array>
#include <cstdio>

namespace stats {

template <class T, class Op> T fold(const T *first, const T *last, T init, Op op) {
  for (; first != last; ++first)
    init = op(init, *first);
  return init;
}

class Accumulator {
public:
  double update(int rounds) {
    for (int r = 0; r < rounds; ++r)
      total_ += fold(data_.data(), data_.data() + data_.size(), 0.0,
                     [r](double a, double b) { return a * 0.9999 + b * (r % 3 + 1); });
    return total_;
  }
  Accumulator() {
    for (size_t i = 0; i < data_.size(); ++i)
      data_[i] = static_cast<double>(i % 97);
  }

private:
  std::array<double, 65536> data_{};
  double total_ = 0;
};

} // namespace stats

int main() {
  static stats::Accumulator acc;
  double r = 0;
  concur_measure("stats::Accumulator::update", [&] { r = acc.update(1500); });
  std::fprintf(stderr, "%f\n", r);
}
