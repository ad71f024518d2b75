#include <sys/socket.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static long total;

lp::task handle(int fd) {
  co_await lp::sleep_ms(1);
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  total += n;
}

int main() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!send(sv[1], "hello", 5, 0);
  });
  lp::measure(handle(sv[0]));
  w.join();
  return total == 5 ? 0 : 1;
}
