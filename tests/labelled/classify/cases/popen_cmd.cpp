// Runs a shell command and reads its output.
#include "../measure.hpp"

#include <cstdio>
#include <string>

std::string run_one(const char *cmd) {
  std::string out;
  FILE *p = popen(cmd, "r");
  if (!p)
    return out;
  char buf[128];
  while (std::fgets(buf, sizeof buf, p))
    out += buf;
  pclose(p);
  return out;
}

int main() {
  std::string r;
  concur_measure("run_one", [&] { r = run_one("sleep 0.1; echo done"); });
  std::fprintf(stderr, "%s", r.c_str());
}
