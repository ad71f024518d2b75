// Analyses translation units in parallel.
#pragma once

#include "driver/TUAnalysis.h"

#include <string>
#include <vector>

namespace concur {

/// Analyses every file with `jobs` threads; results are in `files` order
/// whatever the scheduling. With `progress`, a '[k/N] file' line is kept up
/// to date on stderr.
std::vector<TUResult> analyseAll(const std::vector<std::string> &files,
                                 const clang::tooling::CompilationDatabase &db,
                                 const Catalog &catalog, unsigned jobs, bool progress);

} // namespace concur
