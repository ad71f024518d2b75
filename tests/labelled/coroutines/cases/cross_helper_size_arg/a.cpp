#include <cstdint>
#include <cstdlib>
#include "../../loop.hpp"

uint64_t total_steps(uint64_t upto);

static uint64_t out;

lp::task step(uint64_t upto) {
  co_await lp::sleep_ms(2);
  out = total_steps(upto);
  co_await lp::sleep_ms(2);
}

int main(int argc, char** argv) {
  uint64_t upto = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000ull;
  lp::measure(step(upto));
  return out > 0 ? 0 : 1;
}
