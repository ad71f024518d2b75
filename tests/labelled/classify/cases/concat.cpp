// Joins two short strings.
#include "../measure.hpp"

#include <cstdio>
#include <string>

std::string join(const std::string &a, const std::string &b) { return a + "/" + b; }

int main() {
  std::string r;
  std::string a = "usr", b = "lib";
  concur_measure("join", [&] { r = join(a, b); });
  std::fprintf(stderr, "%s\n", r.c_str());
}
