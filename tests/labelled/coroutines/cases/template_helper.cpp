#include <chrono>
#include <thread>
#include "../loop.hpp"

template <class T>
T fetch(T x) {
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  return x + 1;
}

static long got;

lp::task step() {
  co_await lp::sleep_ms(1);
  got = fetch<long>(41);
}

int main() {
  lp::measure(step());
  return got == 42 ? 0 : 1;
}
