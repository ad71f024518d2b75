#include <sys/socket.h>
#include <chrono>
#include <thread>
#include "../../loop.hpp"

long receive(int fd);

static long got;

lp::task handle(int fd) {
  co_await lp::sleep_ms(1);
  got = receive(fd);
}

int main() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!send(sv[1], "abcd", 4, 0);
  });
  lp::measure(handle(sv[0]));
  w.join();
  return got == 4 ? 0 : 1;
}
