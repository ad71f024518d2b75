// Printers of one Results: none computes anything of its own.
#pragma once

#include "output/Results.h"

#include <llvm/Support/raw_ostream.h>

#include <string>

namespace concur {

/// clang's diagnostic shape: 'file:line:col: warning: message [check]' and notes.
void printText(const Results &results, llvm::raw_ostream &os);
/// The JSON document of interface.md.
void printJson(const Results &results, llvm::raw_ostream &os);
/// The fixes as clang-tidy's --export-fixes YAML (clang-apply-replacements).
void printFixesYaml(const Results &results, const std::string &buildDirectory, llvm::raw_ostream &os);

} // namespace concur
