// Wall time per phase of a run, printed to stderr when the environment sets
// CONCUR_STATS=1 (docs/usage.md), for bench/analyser/scale. One line:
//   concur: stats: after parsing 0.412 s; parse 3.100 s, model 0.100 s, ...
// where "after parsing" is the sum of every phase after the first.
#pragma once

#include <llvm/Support/raw_ostream.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace concur {

class PhaseStats {
public:
  PhaseStats() {
    const char *env = std::getenv("CONCUR_STATS");
    enabled_ = env && std::strcmp(env, "1") == 0;
  }

  /// Ends the phase `name`, which began at the previous mark (or at construction).
  void mark(const char *name) {
    auto now = Clock::now();
    phases_.emplace_back(name, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

  void print() const {
    if (!enabled_ || phases_.empty())
      return;
    double after = 0;
    for (size_t i = 1; i < phases_.size(); ++i)
      after += phases_[i].second;
    std::string line = "concur: stats: after parsing " + seconds(after) + ";";
    for (size_t i = 0; i < phases_.size(); ++i)
      line += std::string(i ? ", " : " ") + phases_[i].first + " " + seconds(phases_[i].second);
    llvm::errs() << line << "\n";
  }

private:
  using Clock = std::chrono::steady_clock;
  static std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f s", s);
    return buf;
  }
  bool enabled_ = false;
  Clock::time_point last_ = Clock::now();
  std::vector<std::pair<const char *, double>> phases_;
};

} // namespace concur
