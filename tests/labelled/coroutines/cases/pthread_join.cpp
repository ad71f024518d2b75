#include <pthread.h>
#include <unistd.h>
#include "../loop.hpp"

static int joined;

static void* body(void*) {
  usleep(60000);
  return nullptr;
}

lp::task handle(pthread_t t) {
  co_await lp::sleep_ms(1);
  pthread_join(t, nullptr);
  joined = 1;
}

int main() {
  pthread_t t;
  pthread_create(&t, nullptr, body, nullptr);
  lp::measure(handle(t));
  return joined == 1 ? 0 : 1;
}
