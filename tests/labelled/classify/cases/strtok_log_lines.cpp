// Splits 800,000 log lines (built in main) into fields with strtok, which keeps
// its position in hidden global state, and tallies the status codes.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace logs {

struct Tally {
  long fields = 0;
  long errors = 0;
};

Tally process(const std::vector<std::string> &lines) {
  Tally t;
  std::vector<char> buf;
  for (const std::string &line : lines) {
    buf.assign(line.begin(), line.end());
    buf.push_back('\0');
    int col = 0;
    for (char *tok = std::strtok(buf.data(), " \t[]\""); tok; tok = std::strtok(nullptr, " \t[]\"")) {
      ++t.fields;
      if (col == 6 && std::atoi(tok) >= 500)
        ++t.errors;
      ++col;
    }
  }
  return t;
}

} // namespace logs

int main() {
  std::vector<std::string> lines;
  const int n = 800'000;
  lines.reserve(n);
  char line[256];
  for (int i = 0; i < n; ++i) {
    std::snprintf(line, sizeof line,
                  "10.0.%d.%d - [21/Nov/2026:10:%02d:%02d] \"GET /api/v1/items/%d HTTP/1.1\" %d %d "
                  "\"curl/8.5\" ref=%d",
                  i % 256, (i / 256) % 256, i % 60, (i / 60) % 60, i, i % 17 == 0 ? 503 : 200,
                  100 + i % 900, i % 31);
    lines.emplace_back(line);
  }
  logs::Tally t;
  concur_measure("logs::process", [&] { t = logs::process(lines); });
  std::fprintf(stderr, "%ld %ld\n", t.fields, t.errors);
}
