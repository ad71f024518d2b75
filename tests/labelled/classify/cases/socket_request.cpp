// Request/reply over a loopback TCP connection; the peer (another thread)
// takes a while before each reply.
#include "../measure.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace net {

int run_one(int fd, int rounds) {
  char buf[64];
  int got = 0;
  for (int i = 0; i < rounds; ++i) {
    char req = static_cast<char>('a' + i);
    if (send(fd, &req, 1, 0) != 1)
      return -1;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      return -1;
    got += static_cast<int>(n);
  }
  return got;
}

} // namespace net

static void peer(int lfd) {
  int c = accept(lfd, nullptr, nullptr);
  char b;
  while (recv(c, &b, 1, 0) == 1) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    send(c, "pong", 4, 0);
  }
  close(c);
}

int main() {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  listen(lfd, 4);
  socklen_t len = sizeof addr;
  getsockname(lfd, reinterpret_cast<sockaddr *>(&addr), &len);
  std::thread t(peer, lfd);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
    return 1;
  int r = 0;
  concur_measure("net::run_one", [&] { r = net::run_one(fd, 4); });
  close(fd);
  t.join();
  close(lfd);
  std::fprintf(stderr, "%d\n", r);
}
