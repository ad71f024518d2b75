#include <pthread.h>
#include <unistd.h>
#include <atomic>
#include "../loop.hpp"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static std::atomic<bool> held{false};
static int counter;

static void* hold(void*) {
  pthread_mutex_lock(&mu);
  held = true;
  usleep(60000);
  pthread_mutex_unlock(&mu);
  return nullptr;
}

lp::task work() {
  co_await lp::sleep_ms(1);
  pthread_mutex_lock(&mu);
  ++counter;
  pthread_mutex_unlock(&mu);
}

int main() {
  pthread_t t;
  pthread_create(&t, nullptr, hold, nullptr);
  while (!held) sched_yield();
  lp::measure(work());
  pthread_join(t, nullptr);
  return counter == 1 ? 0 : 1;
}
