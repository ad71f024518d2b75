#include "driver/Executor.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace concur {

namespace {

/// A file that failed before parsing; `where` is the place the error is
/// printed at (the file, or its compilation database entry).
TUResult failed(const std::string &file, std::string message, const std::string &where = "") {
  TUResult result;
  result.file = file;
  result.errorMessage = where.empty() ? message : where + ": " + message;
  result.errorText = (where.empty() ? file : where) + ": error: " + message + "\n";
  return result;
}

/// Why `file` cannot be parsed before trying (which, for a FIFO, would
/// wait forever); nullopt when it can be tried.
std::optional<TUResult> precheck(const std::string &file, const Inputs &inputs) {
  if (auto bad = inputs.badEntries.find(file); bad != inputs.badEntries.end())
    return failed(file, bad->second.message, bad->second.where);
  llvm::sys::fs::file_status status;
  if (auto ec = llvm::sys::fs::status(file, status))
    return failed(file, "cannot read this file: " + ec.message());
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    return failed(file, "not a regular file (a directory, FIFO or device is not analysed)");
  if (inputs.database->getCompileCommands(file).empty())
    return failed(file, "no compile command for this file in the compilation database");
  return std::nullopt;
}

} // namespace

std::vector<TUResult> analyseAll(const Inputs &inputs, const std::vector<const Catalog *> &catalogs, unsigned jobs,
                                 bool progress) {
  const std::vector<std::string> &files = inputs.files;
  llvm::CrashRecoveryContext::Enable();
  std::vector<TUResult> results(files.size());
  std::atomic<size_t> next{0};
  std::mutex outputMutex;
  size_t done = 0;
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      if (auto problem = precheck(files[i], inputs))
        results[i] = std::move(*problem);
      else
        results[i] = analyseTU(files[i], *inputs.database, *catalogs[i]);
      std::lock_guard<std::mutex> lock(outputMutex);
      ++done;
      // Errors are printed as soon as they are known, like a compiler does.
      if (!results[i].ok) {
        if (progress)
          llvm::errs() << "\r\033[K";
        llvm::errs() << results[i].errorText;
      }
      if (progress)
        llvm::errs() << "\r\033[K[" << done << "/" << files.size() << "] " << files[i];
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, unsigned(files.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j)
    threads.emplace_back(worker);
  worker();
  for (auto &t : threads)
    t.join();
  if (progress)
    llvm::errs() << "\r\033[K";
  return results;
}

} // namespace concur
