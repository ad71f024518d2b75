#include "../loop.hpp"

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static long out;

lp::task step() {
  co_await lp::sleep_ms(2);
  out = fib(37);
  co_await lp::sleep_ms(2);
}

int main() {
  lp::measure(step());
  return out > 0 ? 0 : 1;
}
