// Analyses translation units in parallel.
#pragma once

#include "driver/Inputs.h"
#include "driver/TUAnalysis.h"

#include <string>
#include <vector>

namespace concur {

/// Analyses every file of `inputs` (file i with catalogs[i]) with `jobs` threads; results are in `files` order
/// whatever the scheduling. With `progress`, a '[k/N] file' line is kept up
/// to date on stderr.
std::vector<TUResult> analyseAll(const Inputs &inputs, const std::vector<const Catalog *> &catalogs, unsigned jobs,
                                 bool progress);

} // namespace concur
