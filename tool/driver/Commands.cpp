#include "driver/Commands.h"

#include "checks/Check.h"
#include "driver/CheckCommand.h"
#include "driver/Invocation.h"
#include "support/DataDir.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

namespace concur {

namespace {

const char *kUsage = R"(usage: concur <command> [options]

Commands:
  check         analyse files; print findings (clang-tidy-like, exit codes for CI)
  list-checks   every check with its one-line summary
  explain CHECK the check's documentation
  help [CMD]    this text, or a command's options
  --version     the version

Run 'concur help check' for the analysis options.
)";

const std::string kSourceDocs = std::string(CONCUR_SOURCE_DOCS_DIR) + "/checks";

int listChecks() {
  for (const CheckInfo &check : checkRegistry())
    llvm::outs() << check.name << (check.enabledByDefault ? "" : " (off by default)") << "\n    "
                 << check.summary << "\n";
  return 0;
}

int explain(const std::vector<std::string> &args) {
  if (args.size() != 1) {
    llvm::errs() << "concur: error: usage: concur explain CHECK\n";
    return 2;
  }
  if (!findCheck(args[0])) {
    llvm::errs() << "concur: error: unknown check '" << args[0] << "' (see 'concur list-checks')\n";
    return 2;
  }
  const std::string dir = dataDir("docs/checks", kSourceDocs);
  if (dir.empty()) {
    llvm::errs() << "concur: error: the checks' documentation is missing: looked in "
                 << describeCandidates(dataDirCandidates("docs/checks", kSourceDocs)) << "\n";
    return 2;
  }
  std::string path = dir + "/" + args[0] + ".md";
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    llvm::errs() << "concur: error: cannot read '" << path << "': " << buffer.getError().message() << "\n";
    return 2;
  }
  llvm::outs() << (*buffer)->getBuffer();
  return 0;
}

int help(const std::vector<std::string> &args) {
  if (!args.empty() && args[0] == "check")
    llvm::outs() << checkUsage();
  else
    llvm::outs() << kUsage;
  return 0;
}

} // namespace

int runCommandLine(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    llvm::errs() << kUsage;
    return 2;
  }
  const std::string command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "check")
    return runCheck(rest);
  if (command == "list-checks")
    return listChecks();
  if (command == "explain")
    return explain(rest);
  if (command == "help" || command == "--help" || command == "-h")
    return help(rest);
  if (command == "--version" || command == "version") {
    llvm::outs() << "concur " << CONCUR_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
    return 0;
  }
  llvm::errs() << "concur: error: unknown command '" << command << "'\n" << kUsage;
  return 2;
}

} // namespace concur
