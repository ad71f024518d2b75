// Asks a peer thread for a batch of sensor readings over a pipe; the peer has
// the batch (built by main) ready but answers 150 ms after the request, then
// streams 300,000 "sensor,value" lines and closes. The function reads the
// whole reply, then parses it and computes per-sensor medians and smoothed
// means.
#include "../measure.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace feed {

struct Summary {
  double median_sum = 0;
  double smooth_sum = 0;
  size_t records = 0;
};

class Collector {
public:
  Collector(int ask_fd, int in_fd, int sensors) : ask_fd_(ask_fd), in_fd_(in_fd), sensors_(sensors) {}
  Summary run();

private:
  int ask_fd_, in_fd_, sensors_;
};

Summary Collector::run() {
  Summary s;
  const char ask = '?';
  if (write(ask_fd_, &ask, 1) != 1)
    return s;
  std::string text;
  char buf[65536];
  ssize_t n;
  while ((n = read(in_fd_, buf, sizeof buf)) > 0)
    text.append(buf, static_cast<size_t>(n));

  std::vector<std::vector<double>> by_sensor(static_cast<size_t>(sensors_));
  const char *p = text.c_str();
  const char *end = p + text.size();
  while (p < end) {
    char *q;
    long id = std::strtol(p, &q, 10);
    if (q == p || *q != ',')
      break;
    double v = std::strtod(q + 1, &q);
    if (id >= 0 && id < sensors_)
      by_sensor[static_cast<size_t>(id)].push_back(v);
    ++s.records;
    p = q + 1;
  }
  for (auto &values : by_sensor) {
    if (values.empty())
      continue;
    std::vector<double> smooth = values;
    for (int pass = 0; pass < 150; ++pass)
      for (size_t i = 1; i + 1 < smooth.size(); ++i)
        smooth[i] = 0.25 * smooth[i - 1] + 0.5 * smooth[i] + 0.25 * smooth[i + 1];
    double mean = 0;
    for (double v : smooth)
      mean += v;
    s.smooth_sum += mean / static_cast<double>(smooth.size());
    std::sort(values.begin(), values.end());
    s.median_sum += values[values.size() / 2];
  }
  return s;
}

} // namespace feed

int main() {
  int reply[2], asks[2];
  if (pipe(reply) != 0 || pipe(asks) != 0)
    return 1;
  const int sensors = 64;
  std::string out;
  char line[64];
  unsigned x = 2463534242u;
  for (int i = 0; i < 300'000; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    int len = std::snprintf(line, sizeof line, "%d,%u.%03u\n", i % sensors, x % 1000, x % 997);
    out.append(line, static_cast<size_t>(len));
  }
  std::thread peer([&] {
    char ask;
    if (read(asks[0], &ask, 1) != 1)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    size_t off = 0;
    while (off < out.size()) {
      ssize_t w = write(reply[1], out.data() + off, out.size() - off);
      if (w <= 0)
        break;
      off += static_cast<size_t>(w);
    }
    close(reply[1]);
  });
  feed::Collector collector(asks[1], reply[0], sensors);
  feed::Summary s;
  concur_measure("feed::Collector::run", [&] { s = collector.run(); });
  peer.join();
  std::fprintf(stderr, "%zu %f %f\n", s.records, s.median_sum, s.smooth_sum);
}
