#include <sys/socket.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static std::atomic<int> peer{-1};
static long got;

lp::task handle() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) != 0) co_return;
  peer = sv[1];
  char buf[32];
  for (;;) {
    ssize_t n = recv(sv[0], buf, sizeof buf, 0);
    if (n > 0) {
      got = n;
      break;
    }
    co_await lp::sleep_ms(1);
  }
}

int main() {
  std::thread w([] {
    while (peer.load() < 0) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!send(peer.load(), "data", 4, 0);
  });
  lp::measure(handle());
  w.join();
  return got == 4 ? 0 : 1;
}
