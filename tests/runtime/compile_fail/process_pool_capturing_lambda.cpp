// Must NOT compile: a capturing lambda cannot be sent to a worker process.
// tests/runtime/CMakeLists.txt checks the compiler's message.
#include "concur/process_pool.hpp"

int main() {
  concur::process_pool pool;
  int k = 3;
  auto f = pool.submit([k](int x) { return x * k; }, 2);
  return f.get();
}
