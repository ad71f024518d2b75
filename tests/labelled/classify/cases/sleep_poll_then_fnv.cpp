// A job handle: the function under test asks a worker thread to produce an
// export, polls the job's done flag with 5 ms sleeps (the worker takes 150 ms
// from the request), then runs an FNV-1a digest over the 8 MiB export buffer
// for the number of rounds main configures.
#include "../measure.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

namespace job {

struct Export {
  std::atomic<bool> requested{false};
  std::atomic<bool> done{false};
  std::vector<uint8_t> data;
};

uint64_t run_one(Export &ex, int rounds) {
  ex.requested.store(true, std::memory_order_release);
  while (!ex.done.load(std::memory_order_acquire))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  uint64_t h = 1469598103934665603ull;
  for (int r = 0; r < rounds; ++r)
    for (uint8_t b : ex.data) {
      h ^= b;
      h *= 1099511628211ull;
    }
  return h;
}

} // namespace job

int main() {
  job::Export ex;
  ex.data.resize(8 << 20);
  for (size_t i = 0; i < ex.data.size(); ++i)
    ex.data[i] = static_cast<uint8_t>(i * 31 + (i >> 9));
  std::thread worker([&] {
    while (!ex.requested.load(std::memory_order_acquire))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ex.done.store(true, std::memory_order_release);
  });
  uint64_t r = 0;
  concur_measure("job::run_one", [&] { r = job::run_one(ex, 16); });
  worker.join();
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}
