// Formats a short label and reads the process id.
#include "../measure.hpp"

#include <cstdio>
#include <unistd.h>

namespace {

int label(char *out, size_t size, int id) {
  return std::snprintf(out, size, "worker-%d-%d", id, static_cast<int>(getpid()) % 100);
}

} // namespace

int main() {
  char buf[64];
  int r = 0;
  concur_measure("(anonymous namespace)::label", [&] { r = label(buf, sizeof buf, 3); });
  std::fprintf(stderr, "%d %s\n", r, buf);
}
