// A measured profile as the runtime's profiler writes it (docs/runtime.md,
// "Measurement"): {"version":1,"functions":{NAME:{"kind":..,"calls":N,
// "wall_ns":..,"cpu_ns":..,"blocked_ns":..}}}, NAME a demangled symbol.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concur {

struct ProfileEntry {
  std::string name; // demangled: 'app::parse(std::string const&)'
  std::string kind; // 'coroutine', 'thread' or 'process'
  uint64_t calls = 0;
  uint64_t wallNs = 0;
  uint64_t cpuNs = 0;
  uint64_t blockedNs = 0;
};

struct Profile {
  std::string path; // as given on the command line
  std::vector<ProfileEntry> entries; // sorted by name (JSON objects have no order)
};

/// Reads a profile. On a missing or unreadable file, malformed JSON (with
/// line and column), a wrong version or a malformed entry, returns nullopt
/// and a message that names the file.
std::optional<Profile> readProfile(const std::string &path, std::string &error);

} // namespace concur
