#include "driver/Executor.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/raw_ostream.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace concur {

std::vector<TUResult> analyseAll(const std::vector<std::string> &files,
                                 const clang::tooling::CompilationDatabase &db,
                                 const Catalog &catalog, unsigned jobs, bool progress) {
  llvm::CrashRecoveryContext::Enable();
  std::vector<TUResult> results(files.size());
  std::atomic<size_t> next{0};
  std::mutex outputMutex;
  size_t done = 0;
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      if (db.getCompileCommands(files[i]).empty()) {
        results[i].file = files[i];
        results[i].errorMessage = "no compile command for this file in the compilation database";
        results[i].errorText = files[i] + ": error: " + results[i].errorMessage + "\n";
      } else {
        results[i] = analyseTU(files[i], db, catalog);
      }
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
