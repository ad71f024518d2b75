// Small formatting helpers shared by messages.
#pragma once

#include <string>
#include <vector>

namespace concur {

/// A count rounded for a message: 950, 12k, 45M, 3G.
std::string approxCount(double n);

/// A duration in nanoseconds for a message: 850 ns, 12 us, 3.1 ms, 42 s.
std::string approxDuration(double ns);

/// Names quoted for a message: 'a', 'a' and 'b', 'a', 'b' and 'c'.
std::string quotedList(const std::vector<std::string> &names);

} // namespace concur
