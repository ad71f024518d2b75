#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

static std::mutex m;
static int shared_value;
static std::atomic<bool> held{false};
static std::thread holder;

void start() {
  holder = std::thread([] {
    std::lock_guard<std::mutex> g(m);
    held = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
  });
  while (!held) std::this_thread::yield();
}

void finish() { holder.join(); }

int update(int v) {
  std::lock_guard<std::mutex> g(m);
  shared_value += v;
  return shared_value;
}
