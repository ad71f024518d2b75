#include <chrono>
#include <concur/concur.hpp>
#include <thread>

concur::task<> step() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}
