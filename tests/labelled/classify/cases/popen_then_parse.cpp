// Runs a slow command, then does substantial work with its output.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <vector>

long handle(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  long seed = 0;
  if (std::fscanf(p, "%ld", &seed) != 1)
    seed = 1;
  pclose(p);
  std::vector<long> table(1 << 16);
  for (size_t i = 0; i < table.size(); ++i)
    table[i] = seed + static_cast<long>(i);
  long acc = 0;
  for (int round = 0; round < 3000; ++round)
    for (long &t : table) {
      t = (t * 6364136223846793005l + 1442695040888963407l) >> 3;
      acc ^= t;
    }
  return acc;
}

int main() {
  long r = 0;
  concur_measure("handle", [&] { r = handle("sleep 0.12; echo 12345"); });
  std::fprintf(stderr, "%ld\n", r);
}
