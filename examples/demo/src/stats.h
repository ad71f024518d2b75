#pragma once
#include <cstddef>
#include <vector>

namespace demo {
// Pairwise similarity of every sample against every other.
double similarity(const std::vector<double> &samples);
// Splits comma-separated fields and tallies a random sample of them.
long tally(char *text, int rounds);
} // namespace demo
