#include "fetch.h"
#include "stats.h"

#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace demo {
double ingest(const std::vector<int> &fds, int batches);
void pause_between_rounds();
} // namespace demo

namespace {
std::mutex results_mutex;
std::vector<double> results;

void record(double value) {
  std::lock_guard<std::mutex> lock(results_mutex);
  results.push_back(value);
}
} // namespace

int main(int argc, char **argv) {
  std::vector<int> fds(argc > 1 ? 8 : 0, 0);
  std::vector<double> samples(4000, 0.5);
  std::thread worker([&] { record(demo::similarity(samples)); });
  std::vector<std::string> first = demo::read_all(fds);
  record(demo::ingest(fds, 4));
  char text[] = "a,b,c,d";
  record(double(demo::tally(text, 200000)));
  demo::pause_between_rounds();
  worker.join();
  std::printf("%zu records, %zu results\n", first.size(), results.size());
}
