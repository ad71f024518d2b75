// A gateway sends one request to each of four backends (socketpairs served by
// threads that answer 60-150 ms after the request) and collects the replies
// with a poll() loop as they arrive.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace edge {

class Gateway {
public:
  void add_backend(int fd) { fds_.push_back(fd); }
  std::string handle(const char *request);

private:
  std::vector<int> fds_;
};

std::string Gateway::handle(const char *request) {
  std::string request_line = std::string(request) + "\n";
  for (int fd : fds_)
    if (send(fd, request_line.data(), request_line.size(), 0) < 0)
      return {};
  std::vector<pollfd> pfds;
  for (int fd : fds_)
    pfds.push_back({fd, POLLIN, 0});
  std::string merged;
  size_t open = pfds.size();
  while (open > 0) {
    if (poll(pfds.data(), pfds.size(), 1000) <= 0)
      break;
    for (pollfd &p : pfds) {
      if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP)))
        continue;
      char buf[128];
      ssize_t n = recv(p.fd, buf, sizeof buf, 0);
      if (n > 0)
        merged.append(buf, static_cast<size_t>(n));
      p.fd = -1;
      --open;
    }
  }
  return merged;
}

} // namespace edge

int main() {
  edge::Gateway gw;
  std::vector<std::thread> backends;
  const int delays_ms[] = {60, 150, 90, 120};
  for (int i = 0; i < 4; ++i) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
      return 1;
    gw.add_backend(sv[0]);
    backends.emplace_back([fd = sv[1], delay = delays_ms[i], i] {
      char buf[128];
      if (recv(fd, buf, sizeof buf, 0) <= 0)
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      std::string reply = "backend" + std::to_string(i) + " ok\n";
      if (send(fd, reply.data(), reply.size(), 0) < 0)
        return;
    });
  }
  std::string r;
  concur_measure("edge::Gateway::handle", [&] { r = gw.handle("GET /status"); });
  for (std::thread &t : backends)
    t.join();
  std::fprintf(stderr, "%s", r.c_str());
}
