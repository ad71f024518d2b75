// A loop of short timed waits.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

int step() {
  int ticks = 0;
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(20ms);
    ++ticks;
  }
  return ticks;
}

int main() {
  int r = 0;
  concur_measure("step", [&] { r = step(); });
  std::fprintf(stderr, "%d\n", r);
}
