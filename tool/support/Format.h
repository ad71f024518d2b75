// Small formatting helpers shared by messages.
#pragma once

#include <string>

namespace concur {

/// A count rounded for a message: 950, 12k, 45M, 3G.
std::string approxCount(double n);

} // namespace concur
