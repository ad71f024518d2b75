// Parses one short "key=value;..." settings line from main into a Settings
// struct.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace cfg {

struct Settings {
  int threads = 1;
  int port = 80;
  std::string mode = "safe";
};

Settings load(std::string_view line) {
  Settings s;
  while (!line.empty()) {
    size_t semi = line.find(';');
    std::string_view item = line.substr(0, semi);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos) {
      std::string_view key = item.substr(0, eq);
      std::string value(item.substr(eq + 1));
      if (key == "threads")
        s.threads = std::atoi(value.c_str());
      else if (key == "port")
        s.port = std::atoi(value.c_str());
      else if (key == "mode")
        s.mode = value;
    }
    if (semi == std::string_view::npos)
      break;
    line.remove_prefix(semi + 1);
  }
  return s;
}

} // namespace cfg

int main() {
  const std::string line = "threads=4;port=8080;mode=fast;retries=3";
  cfg::Settings s;
  concur_measure("cfg::load", [&] { s = cfg::load(line); });
  std::fprintf(stderr, "%d %d %s\n", s.threads, s.port, s.mode.c_str());
}
