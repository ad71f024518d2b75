#include "fetch.h"
#include "stats.h"

#include <chrono>
#include <thread>
#include <vector>

namespace demo {

// Waits for each batch, then scores it: both phases take real time.
double ingest(const std::vector<int> &fds, int batches) {
  double score = 0;
  for (int b = 0; b < batches; ++b) {
    std::vector<std::string> records = read_all(fds);
    std::vector<double> values(20000, 1.0);
    for (std::size_t i = 0; i < values.size(); ++i)
      for (int k = 0; k < 500; ++k)
        values[i] = values[i] * 0.999 + records.size() * 1e-6;
    score += values.back();
  }
  return score;
}

void pause_between_rounds() { std::this_thread::sleep_for(std::chrono::milliseconds(250)); }

} // namespace demo
