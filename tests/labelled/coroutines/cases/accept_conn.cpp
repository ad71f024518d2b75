#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static int conn = -1;

lp::task run_one(int lfd) {
  co_await lp::sleep_ms(1);
  conn = accept(lfd, nullptr, nullptr);
}

int main() {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  if (bind(lfd, (sockaddr*)&a, sizeof a) != 0 || listen(lfd, 4) != 0) return 2;
  socklen_t len = sizeof a;
  getsockname(lfd, (sockaddr*)&a, &len);
  std::thread w([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    int c = socket(AF_INET, SOCK_STREAM, 0);
    (void)!connect(c, (sockaddr*)&a, sizeof a);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    close(c);
  });
  lp::measure(run_one(lfd));
  w.join();
  return conn >= 0 ? 0 : 1;
}
