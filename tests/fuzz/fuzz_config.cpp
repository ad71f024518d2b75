// .concur.yaml (config/Config.h loadConfig). Beyond "no crash": a
// configuration that loads must dump (--dump-config) and load again with the
// same meaning (style.md, "declare each option once"; clang-tidy 19 fails
// this round trip).
#include "FuzzFile.h"

#include "config/Config.h"

#include <cmath>
#include <cstdio>

using namespace concur;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const std::vector<OptionTable> tables = allOptionTables();
  ConfigError error;
  std::optional<Config> config = loadConfig(fuzz::writeInput(".concur.yaml", data, size), tables, error);
  if (!config) {
    (void)error.str();
    return 0;
  }
  std::string dumped = dumpConfig(*config, config->checks.value_or(""), tables);
  std::string again = fuzz::writeInput("dumped.concur.yaml", reinterpret_cast<const uint8_t *>(dumped.data()),
                                       dumped.size());
  std::optional<Config> reread = loadConfig(again, tables, error);
  if (!reread) {
    std::fprintf(stderr, "dumped configuration does not load: %s\n--- dump:\n%s\n", error.str().c_str(),
                 dumped.c_str());
    std::abort();
  }
  // ... and mean the same: every option's value, every catalogue path.
  bool same = reread->catalogs == config->catalogs;
  for (const OptionTable &table : tables)
    for (const OptionDecl &decl : table.options) {
      double a = config->options.get(table.owner, decl), b = reread->options.get(table.owner, decl);
      same &= a == b || (std::isnan(a) && std::isnan(b));
    }
  if (!same) {
    std::fprintf(stderr, "dumped configuration reads back different:\n%s\n", dumped.c_str());
    std::abort();
  }
  return 0;
}
