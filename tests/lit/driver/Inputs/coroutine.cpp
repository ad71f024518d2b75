#include <task.h>
#include <thread>
#include <chrono>
task<> handle() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}
