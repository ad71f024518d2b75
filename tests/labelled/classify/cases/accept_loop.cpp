// Accepts a few connections from clients that arrive one after another.
#include "../measure.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

class Listener {
public:
  explicit Listener(int fd) : fd_(fd) {}
  std::vector<int> handle(int count) {
    std::vector<int> conns;
    while (static_cast<int>(conns.size()) < count) {
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0)
        break;
      conns.push_back(c);
    }
    return conns;
  }

private:
  int fd_;
};

int main() {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  listen(lfd, 8);
  socklen_t len = sizeof addr;
  getsockname(lfd, reinterpret_cast<sockaddr *>(&addr), &len);
  std::thread clients([addr] {
    for (int i = 0; i < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(35));
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
      close(fd);
    }
  });
  Listener l(lfd);
  std::vector<int> got;
  concur_measure("Listener::handle", [&] { got = l.handle(3); });
  clients.join();
  for (int c : got)
    close(c);
  std::fprintf(stderr, "%zu\n", got.size());
}
