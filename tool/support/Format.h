// Small formatting helpers shared by messages.
#pragma once

#include <string>

namespace concur {

/// A count rounded for a message: 950, 12k, 45M, 3G.
std::string approxCount(double n);

/// A duration in nanoseconds for a message: 850 ns, 12 us, 3.1 ms, 42 s.
std::string approxDuration(double ns);

} // namespace concur
