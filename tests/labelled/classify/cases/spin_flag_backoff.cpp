// Polls an atomic flag that a peer thread sets after 150 ms: a few quick
// tries, then sleep_for(1 ms) between tries (backoff).
#include "../measure.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace gate {

struct Slot {
  std::atomic<bool> filled{false};
  int value = 0;
};

int handle(Slot &slot, int quick_tries) {
  int tries = 0;
  while (!slot.filled.load(std::memory_order_acquire)) {
    if (++tries > quick_tries)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return slot.value + tries;
}

} // namespace gate

int main() {
  gate::Slot slot;
  std::thread peer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    slot.value = 42;
    slot.filled.store(true, std::memory_order_release);
  });
  int r = 0;
  concur_measure("gate::handle", [&] { r = gate::handle(slot, 32); });
  peer.join();
  std::fprintf(stderr, "%d\n", r);
}
