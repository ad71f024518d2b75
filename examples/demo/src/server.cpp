#include "fetch.h"
#include "stats.h"
#include "task.h"

#include <mutex>
#include <string>
#include <vector>

namespace demo {

std::mutex cache_mutex;
std::vector<std::string> cache;

// Serves one client on the event loop.
task handle_client(int fd) {
  co_await next_tick{};
  std::string request = read_record(fd);          // blocks the loop (recv, two calls down)
  std::vector<double> samples(3000, request.size() * 0.5);
  double score = similarity(samples);             // CPU-heavy work on the loop
  std::lock_guard<std::mutex> lock(cache_mutex);  // held across the next co_await
  cache.push_back(std::to_string(score));
  co_await next_tick{};
}

} // namespace demo
