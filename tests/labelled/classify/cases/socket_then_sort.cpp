// Asks a slow peer for a batch over a socket pair, then sorts a large vector
// derived from it; several batches. The peer answers each request after 40 ms.
#include "../measure.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

long process(int fd, int batches) {
  long checksum = 0;
  std::vector<uint32_t> data(400'000);
  for (int b = 0; b < batches; ++b) {
    uint32_t seed = 0;
    char ask = 'n';
    if (send(fd, &ask, 1, 0) != 1)
      break;
    if (recv(fd, &seed, sizeof seed, MSG_WAITALL) != sizeof seed)
      break;
    uint32_t x = seed | 1;
    for (auto &d : data) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      d = x;
    }
    std::sort(data.begin(), data.end());
    checksum += data[data.size() / 2] % 1000;
  }
  return checksum;
}

int main() {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return 1;
  std::thread peer([fd = sv[1]] {
    char ask;
    for (uint32_t i = 1; i <= 4 && recv(fd, &ask, 1, 0) == 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
      send(fd, &i, sizeof i, 0);
    }
  });
  long r = 0;
  concur_measure("process", [&] { r = process(sv[0], 4); });
  peer.join();
  std::fprintf(stderr, "%ld\n", r);
}
