#include "support/Format.h"

#include <cmath>
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
