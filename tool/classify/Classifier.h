// Classifies every function as io, cpu, mixed or neutral and recommends a
// concurrency model, bottom-up over the call graph.
//
// A function's work is an estimate of where its time goes: computation
// (operations in loops, scaled by trip counts) and waiting (catalogued
// blocking calls), its own plus its callees' (strongly connected components
// together). Unknown external calls are not guessed: they lower the
// confidence and appear in the evidence. Nothing depends on identifiers.
#pragma once

#include "classify/Verdict.h"
#include "config/Options.h"

#include <vector>

namespace concur {

class ProgramModel;

/// The classifier's options (thresholds), declared once.
const OptionTable &classifierOptions();

/// The value of one classifier option by name (as declared in the table).
double classifierOption(const OptionValues &options, const char *name);

/// Estimated nanoseconds of a catalogued CPU-heavy call (a sort) over
/// `elements` elements: n log n comparisons of a few operations each.
double heavyCallCpuNs(double elements, const OptionValues &options);

/// One verdict per function of the model, in the model's order.
std::vector<Verdict> classify(const ProgramModel &model, const OptionValues &options);

} // namespace concur
