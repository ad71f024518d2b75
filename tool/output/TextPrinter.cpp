#include "output/Printers.h"

namespace concur {

namespace {

void printLoc(const SourceLoc &loc, llvm::raw_ostream &os) {
  os << loc.file << ":" << loc.line << ":" << loc.column << ": ";
}

} // namespace

void printText(const Results &results, llvm::raw_ostream &os) {
  for (const Finding &f : results.findings) {
    printLoc(f.loc, os);
    os << severityName(f.severity) << ": " << f.message << " [" << f.check << "]\n";
    for (const Note &note : f.notes) {
      printLoc(note.loc, os);
      os << "note: " << note.message << "\n";
    }
  }
}

} // namespace concur
