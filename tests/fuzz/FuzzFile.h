// The parsers read paths, not buffers (they report errors as 'path:line:col'),
// so each input is written to a file of its own name in a private directory.
// A tmpfs write is microseconds: the parsers themselves dominate.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace concur::fuzz {

/// Writes the input to `<private dir>/<name>` and returns that path. The
/// directory is made once per process, so parallel fuzzers do not collide.
inline std::string writeInput(const char *name, const uint8_t *data, size_t size) {
  static const std::string dir = [] {
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/concur-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data()))
      std::abort();
    return pattern;
  }();
  std::string path = dir + "/" + name;
  FILE *f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0)
    std::abort(); // the machine's fault, not the parser's: stop loudly
  return path;
}

} // namespace concur::fuzz
