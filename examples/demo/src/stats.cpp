#include "stats.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace demo {

double similarity(const std::vector<double> &samples) {
  double total = 0;
  for (std::size_t i = 0; i < samples.size(); ++i)
    for (std::size_t j = 0; j < samples.size(); ++j)
      total += std::exp(-std::fabs(samples[i] - samples[j]));
  return total;
}

long tally(char *text, int rounds) {
  long count = 0;
  for (int r = 0; r < rounds; ++r) {
    for (char *field = std::strtok(text, ","); field; field = std::strtok(nullptr, ","))
      count += std::rand() % 3 == 0 ? std::strlen(field) : 0;
  }
  return count;
}

} // namespace demo
