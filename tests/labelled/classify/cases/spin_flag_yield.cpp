// Spins on an atomic flag that a peer thread sets after 150 ms, pausing on
// every try and calling std::this_thread::yield() every 64 tries. yield leaves
// the thread runnable, so it stays on the CPU for the whole wait.
#include "../measure.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace rt {

class Gate {
public:
  void open() { ready_.store(true, std::memory_order_release); }
  long pass();

private:
  std::atomic<bool> ready_{false};
};

long Gate::pass() {
  long tries = 0;
  int spins = 0;
  while (!ready_.load(std::memory_order_acquire)) {
    ++tries;
    if (++spins == 64) {
      spins = 0;
      std::this_thread::yield();
    } else {
      __builtin_ia32_pause();
    }
  }
  return tries;
}

} // namespace rt

int main() {
  rt::Gate gate;
  std::thread peer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    gate.open();
  });
  long r = 0;
  concur_measure("rt::Gate::pass", [&] { r = gate.pass(); });
  peer.join();
  std::fprintf(stderr, "%ld\n", r);
}
