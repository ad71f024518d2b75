// A periodic timer that waits until each deadline.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

namespace sched {

class Timer {
public:
  explicit Timer(std::chrono::milliseconds period) : period_(period) {}
  int tick(int times) {
    auto next = std::chrono::steady_clock::now();
    int fired = 0;
    for (int i = 0; i < times; ++i) {
      next += period_;
      std::this_thread::sleep_until(next);
      ++fired;
    }
    return fired;
  }

private:
  std::chrono::milliseconds period_;
};

} // namespace sched

int main() {
  sched::Timer t(std::chrono::milliseconds(25));
  int r = 0;
  concur_measure("sched::Timer::tick", [&] { r = t.tick(4); });
  std::fprintf(stderr, "%d\n", r);
}
