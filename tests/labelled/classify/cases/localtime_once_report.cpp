// Builds a daily report: stamps it once with localtime() (non-reentrant, but
// called once, before the loop), then bins 4 M readings into a histogram and
// computes moments over several passes.
#include "../measure.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace report {

struct Report {
  std::string stamp;
  std::vector<long> bins;
  double mean = 0, var = 0;
};

Report run(const std::vector<double> &readings, int nbins, int passes) {
  Report rep;
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", std::localtime(&now));
  rep.stamp = stamp;
  rep.bins.assign(static_cast<size_t>(nbins), 0);
  for (int p = 0; p < passes; ++p) {
    double sum = 0, sq = 0;
    for (double v : readings) {
      const double t = std::log1p(v);
      sum += t;
      sq += t * t;
      int b = static_cast<int>(t * nbins / 8.0);
      if (b >= 0 && b < nbins)
        ++rep.bins[static_cast<size_t>(b)];
    }
    rep.mean = sum / static_cast<double>(readings.size());
    rep.var = sq / static_cast<double>(readings.size()) - rep.mean * rep.mean;
  }
  return rep;
}

} // namespace report

int main() {
  std::vector<double> readings(4'000'000);
  for (size_t i = 0; i < readings.size(); ++i)
    readings[i] = static_cast<double>((i * 7919) % 100000) * 0.01;
  report::Report rep;
  concur_measure("report::run", [&] { rep = report::run(readings, 64, 4); });
  std::fprintf(stderr, "%s %f %f %ld\n", rep.stamp.c_str(), rep.mean, rep.var, rep.bins[10]);
}
