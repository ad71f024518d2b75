#include "support/Format.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace concur {

std::string approxCount(double n) {
  std::ostringstream os;
  if (n >= 1e9)
    os << std::lround(n / 1e9) << "G";
  else if (n >= 1e6)
    os << std::lround(n / 1e6) << "M";
  else if (n >= 1e4)
    os << std::lround(n / 1e3) << "k";
  else
    os << std::lround(n);
  return os.str();
}

} // namespace concur

namespace concur {

std::string approxDuration(double ns) {
  static const struct {
    double scale;
    const char *unit;
  } units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "us"}};
  for (const auto &u : units)
    if (ns >= u.scale) {
      std::ostringstream os;
      const double value = ns / u.scale;
      // Two significant digits below 10 (3.1 s), whole units above (42 s).
      if (value < 9.95)
        os << std::fixed << std::setprecision(1) << value;
      else
        os << std::lround(value);
      os << " " << u.unit;
      return os.str();
    }
  return std::to_string(std::lround(ns)) + " ns";
}

} // namespace concur

namespace concur {

std::string quotedList(const std::vector<std::string> &names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i)
      out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

} // namespace concur
