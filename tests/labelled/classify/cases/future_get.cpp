// Collects results of tasks started with std::async.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

int collect(std::vector<std::future<int>> &pending) {
  int sum = 0;
  for (auto &f : pending)
    sum += f.get();
  return sum;
}

int main() {
  std::vector<std::future<int>> pending;
  for (int i = 0; i < 3; ++i)
    pending.push_back(std::async(std::launch::async, [i] {
      std::this_thread::sleep_for(std::chrono::milliseconds(40 * (i + 1)));
      return i;
    }));
  int r = 0;
  concur_measure("collect", [&] { r = collect(pending); });
  std::fprintf(stderr, "%d\n", r);
}
