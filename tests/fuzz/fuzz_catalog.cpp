// An API catalogue (catalog/Catalog.h Catalog::loadFile), then lookups, so
// that fuzzed regexes and receiver-type conditions are matched too.
#include "FuzzFile.h"

#include "catalog/Catalog.h"

using namespace concur;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  if (!catalog.loadFile(fuzz::writeInput("catalog.yaml", data, size), errors)) {
    for (const CatalogError &e : errors)
      (void)e.str();
    return 0;
  }
  for (const char *name : {"std::this_thread::sleep_for", "std::mutex::lock", "read", "fopen", "a", ""})
    if (const ApiEntry *entry = catalog.lookup(name, {"std::mutex", "std::basic_string"}))
      (void)entry->blocks();
  return 0;
}
