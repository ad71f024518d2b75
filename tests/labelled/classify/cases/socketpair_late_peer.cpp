// An RPC client over a socketpair: sends a request line and reads the reply;
// the server thread answers 150 ms after it receives the request.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace rpc {

class Client {
public:
  explicit Client(int fd) : fd_(fd) {}
  std::string run_one(const std::string &request);

private:
  int fd_;
};

std::string Client::run_one(const std::string &request) {
  std::string line = request + "\n";
  if (send(fd_, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size()))
    return {};
  std::string reply;
  char buf[256];
  for (;;) {
    ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0)
      break;
    reply.append(buf, static_cast<size_t>(n));
    if (!reply.empty() && reply.back() == '\n')
      break;
  }
  return reply;
}

} // namespace rpc

int main() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return 1;
  std::thread server([fd = sv[1]] {
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    const char reply[] = "OK 200 balance=1024\n";
    if (send(fd, reply, std::strlen(reply), 0) < 0)
      return;
  });
  rpc::Client client(sv[0]);
  std::string r;
  concur_measure("rpc::Client::run_one", [&] { r = client.run_one("GET balance 42"); });
  server.join();
  std::fprintf(stderr, "%s", r.c_str());
}
