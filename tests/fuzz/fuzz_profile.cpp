// A measured profile as the runtime's profiler writes it
// (classify/Profile.h readProfile): JSON, versioned, entries with counters.
#include "FuzzFile.h"

#include "classify/Profile.h"

using namespace concur;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  (void)readProfile(fuzz::writeInput("profile.json", data, size), error);
  return 0;
}
