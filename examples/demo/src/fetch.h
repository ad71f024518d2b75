#pragma once
#include <string>
#include <vector>

namespace demo {
// Reads one length-prefixed record from a connected descriptor.
std::string read_record(int fd);
// Reads one record from each descriptor, one after the other.
std::vector<std::string> read_all(const std::vector<int> &fds);
} // namespace demo
