// Renders a Mandelbrot frame with std::async: each future and the calling
// thread take rows from one atomic row cursor; the caller then gets the
// futures. The calling thread renders its share of the rows itself.
#include "../measure.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

namespace render {

struct Frame {
  int width, height;
  std::vector<uint16_t> iters;
  Frame(int w, int h) : width(w), height(h), iters(static_cast<size_t>(w) * h) {}
  long update(int max_iter, unsigned helpers);
};

long Frame::update(int max_iter, unsigned helpers) {
  std::atomic<int> next_row{0};
  auto rows = [&]() -> long {
    long sum = 0;
    for (int y = next_row.fetch_add(1); y < height; y = next_row.fetch_add(1)) {
      const double ci = -1.2 + 2.4 * y / height;
      for (int x = 0; x < width; ++x) {
        const double cr = -2.0 + 3.0 * x / width;
        double zr = 0, zi = 0;
        int n = 0;
        while (n < max_iter && zr * zr + zi * zi < 4.0) {
          const double t = zr * zr - zi * zi + cr;
          zi = 2 * zr * zi + ci;
          zr = t;
          ++n;
        }
        iters[static_cast<size_t>(y) * width + x] = static_cast<uint16_t>(n);
        sum += n;
      }
    }
    return sum;
  };
  std::vector<std::future<long>> parts;
  for (unsigned h = 0; h < helpers; ++h)
    parts.push_back(std::async(std::launch::async, rows));
  long total = rows();
  for (auto &f : parts)
    total += f.get();
  return total;
}

} // namespace render

int main() {
  render::Frame frame(1400, 900);
  const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  long r = 0;
  concur_measure("render::Frame::update", [&] { r = frame.update(400, cores - 1); });
  std::fprintf(stderr, "%ld\n", r);
}
