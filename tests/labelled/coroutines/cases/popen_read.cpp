#include <stdio.h>
#include "../loop.hpp"

static char out[32];

lp::task process() {
  co_await lp::sleep_ms(1);
  FILE* p = popen("sleep 0.06; echo ok", "r");
  if (p == nullptr) co_return;
  if (fgets(out, sizeof out, p) == nullptr) out[0] = 0;
  pclose(p);
}

int main() {
  lp::measure(process());
  return out[0] == 'o' ? 0 : 1;
}
