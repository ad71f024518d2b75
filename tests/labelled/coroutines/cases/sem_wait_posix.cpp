#include <semaphore.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static sem_t sem;
static int passed;

lp::task step() {
  co_await lp::sleep_ms(1);
  sem_wait(&sem);
  ++passed;
}

int main() {
  sem_init(&sem, 0, 0);
  std::thread w([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    sem_post(&sem);
  });
  lp::measure(step());
  w.join();
  return passed == 1 ? 0 : 1;
}
