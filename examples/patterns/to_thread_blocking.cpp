// Pattern: a blocking call moved to to_thread.
// A blocking call (here a library that only offers a blocking API) inside a
// coroutine stalls every task on the loop. `co_await concur::to_thread(f,
// args...)` runs it on the blocking pool and keeps the loop responsive; the
// stall monitor (CONCUR_STALL_MS) would name the culprit otherwise.
#include <concur/concur.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

// Stands for any blocking API: a synchronous HTTP client, a database driver...
int legacy_lookup(int key) {
  std::this_thread::sleep_for(100ms);
  return key * 2;
}

concur::task<void> heartbeat(int& ticks) {
  for (int i = 0; i < 10; ++i) {
    co_await concur::sleep_for(5ms);
    ++ticks;
  }
}

concur::task<int> main_task() {
  concur::event_loop::current()->set_stall_threshold(20ms);
  int ticks = 0;
  concur::spawn(heartbeat(ticks));
  int value = co_await concur::to_thread(legacy_lookup, 21);  // not: legacy_lookup(21)
  co_await concur::sleep_for(10ms);
  auto stalls = concur::event_loop::current()->stall_report();
  std::printf("value=%d heartbeat ticks=%d loop stalls=%llu\n", value, ticks,
              static_cast<unsigned long long>(stalls.stalls));
  co_return value == 42 && ticks == 10 && stalls.stalls == 0 ? 0 : 1;
}

int main() { return concur::run(main_task()); }
