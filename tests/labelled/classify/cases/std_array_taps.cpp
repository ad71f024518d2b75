// An FIR filter whose 15 taps live in a std::array<double, 15>; main builds a
// signal of 16 M samples.
#include "../measure.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace dsp {

constexpr std::array<double, 15> kTaps = {0.01, 0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.14,
                                          0.12, 0.10, 0.08, 0.06, 0.04, 0.02, 0.01};

void apply(const std::vector<double> &in, std::vector<double> &out) {
  out.assign(in.size(), 0.0);
  for (size_t i = kTaps.size(); i < in.size(); ++i) {
    double acc = 0;
    for (size_t t = 0; t < kTaps.size(); ++t)
      acc += kTaps[t] * in[i - t];
    out[i] = acc;
  }
}

} // namespace dsp

int main() {
  std::vector<double> signal(16'000'000);
  for (size_t i = 0; i < signal.size(); ++i)
    signal[i] = std::sin(static_cast<double>(i) * 0.001) + 0.1 * static_cast<double>(i % 7);
  std::vector<double> filtered;
  concur_measure("dsp::apply", [&] { dsp::apply(signal, filtered); });
  std::fprintf(stderr, "%f\n", filtered[filtered.size() / 2]);
}
