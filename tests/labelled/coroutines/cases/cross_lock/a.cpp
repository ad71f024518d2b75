#include "../../loop.hpp"

void start();
void finish();
int update(int v);

static int result;

lp::task process() {
  co_await lp::sleep_ms(1);
  result = update(3);
}

int main() {
  start();
  lp::measure(process());
  finish();
  return result == 3 ? 0 : 1;
}
