// A program built with the concur:: runtime (tests/lit/CMakeLists.txt) for
// profile/runtime-e2e.test: one CPU-bound pool job, one pool job that
// sleeps, one coroutine that waits on a timer. Run with CONCUR_PROFILE=F,
// it writes its measured profile to F at exit.
#include <concur/concur.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace e2e {

// External linkage: the profiler names pool jobs by their exported symbol.
long crunch(long n) {
  long acc = 0;
  for (long i = 0; i < n; ++i)
    acc = (acc * 31 + i) % 1000003;
  return acc;
}

int doze(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return ms;
}

concur::task<int> wait_for_timer(int ms) {
  co_await concur::sleep_for(std::chrono::milliseconds(ms));
  co_return ms;
}

} // namespace e2e

int main(int argc, char **argv) {
  // The amount of work comes from the command line, as in a real program.
  const long n = argc > 1 ? std::atol(argv[1]) : 30000000;
  concur::thread_pool pool(2);
  auto cpu = pool.submit(e2e::crunch, n);
  auto sleep = pool.submit(e2e::doze, 60);
  const int waited = concur::run(e2e::wait_for_timer(60));
  return cpu.get() >= 0 && sleep.get() + waited == 120 ? 0 : 1;
}
