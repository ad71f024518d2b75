// compile_commands.json (driver/CompileDatabase.h loadCompileCommands), then
// clang's own reading of what it accepted: every command is expanded.
#include "FuzzFile.h"

#include "driver/CompileDatabase.h"

using namespace concur;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  std::optional<LoadedDatabase> db = loadCompileCommands(fuzz::writeInput("compile_commands.json", data, size), error);
  if (!db)
    return 0;
  for (const std::string &file : db->database->getAllFiles())
    (void)db->database->getCompileCommands(file);
  (void)db->database->getAllCompileCommands();
  return 0;
}
