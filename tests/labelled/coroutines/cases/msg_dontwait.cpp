#include <sys/socket.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static long got;

lp::task process(int fd) {
  char buf[32];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
      got = n;
      break;
    }
    co_await lp::sleep_ms(1);
  }
}

int main() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 2;
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!send(sv[1], "abc", 3, 0);
  });
  lp::measure(process(sv[0]));
  w.join();
  return got == 3 ? 0 : 1;
}
