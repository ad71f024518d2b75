#include "support/ApplyFixes.h"

#include "support/AtomicFile.h"

#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <map>

namespace concur {

FixReport applyFixes(const std::vector<Finding> &findings) {
  FixReport report;
  std::map<std::string, std::vector<Fix>> byFile;
  for (const Finding &f : findings)
    for (const Fix &fix : f.fixes)
      byFile[fix.file].push_back(fix);
  for (auto &[file, fixes] : byFile) {
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer) {
      report.errors.push_back("cannot read '" + file + "': " + buffer.getError().message());
      continue;
    }
    std::string text = (*buffer)->getBuffer().str();
    std::sort(fixes.begin(), fixes.end(), [](const Fix &a, const Fix &b) { return a.offset > b.offset; });
    fixes.erase(std::unique(fixes.begin(), fixes.end(),
                            [](const Fix &a, const Fix &b) {
                              return a.offset == b.offset && a.length == b.length &&
                                     a.replacement == b.replacement;
                            }),
                fixes.end());
    unsigned applied = 0;
    size_t limit = text.size();
    for (const Fix &fix : fixes) {
      if (fix.offset + fix.length > limit) {
        report.skipped.push_back(file + ": skipped a fix at offset " + std::to_string(fix.offset) +
                                  " that overlaps another");
        continue;
      }
      text.replace(fix.offset, fix.length, fix.replacement);
      limit = fix.offset;
      ++applied;
    }
    if (!applied)
      continue;
    if (auto err = writeFileAtomically(file, text)) {
      report.errors.push_back(llvm::toString(std::move(err)));
      continue;
    }
    report.applied += applied;
    ++report.files;
  }
  return report;
}

} // namespace concur
