// A parallel loop over std::thread: the caller starts one worker per extra
// core, then takes chunks from the same atomic cursor as the workers until
// the data runs out, and joins them. The calling thread does its share of
// the work, so the wait at the join is at most one chunk.
#include "../measure.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace par {

double run(const std::vector<double> &data, unsigned workers) {
  const size_t chunk = 1 << 13;
  std::atomic<size_t> next{0};
  std::vector<double> partial(workers + 1, 0.0);
  auto body = [&](unsigned slot) {
    double acc = 0;
    for (;;) {
      const size_t begin = next.fetch_add(chunk);
      if (begin >= data.size())
        break;
      const size_t end = std::min(begin + chunk, data.size());
      for (size_t i = begin; i < end; ++i) {
        double x = data[i];
        for (int k = 0; k < 24; ++k)
          x = x * 0.999 + 1.0 / (x + 1.0);
        acc += x;
      }
    }
    partial[slot] = acc;
  };
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back(body, w + 1);
  body(0);
  for (std::thread &t : pool)
    t.join();
  double total = 0;
  for (double p : partial)
    total += p;
  return total;
}

} // namespace par

int main() {
  std::vector<double> data(5'000'000);
  for (size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<double>(i % 1000) * 0.01;
  const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  double r = 0;
  concur_measure("par::run", [&] { r = par::run(data, cores - 1); });
  std::fprintf(stderr, "%f\n", r);
}
