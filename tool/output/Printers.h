// Printers of one Results: none computes anything of its own.
#pragma once

#include "output/Results.h"

#include <llvm/Support/raw_ostream.h>

namespace concur {

/// clang's diagnostic shape: 'file:line:col: warning: message [check]' and notes.
void printText(const Results &results, llvm::raw_ostream &os);
/// The JSON document of interface.md.
void printJson(const Results &results, llvm::raw_ostream &os);

} // namespace concur
