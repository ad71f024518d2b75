// Serialisation of TU summaries, so that facts can be stored, cached and
// merged in another process (--summary-dir).
#pragma once

#include "facts/Facts.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

namespace concur {

llvm::json::Value toJson(const TUSummary &summary);
llvm::Expected<TUSummary> summaryFromJson(const llvm::json::Value &value);

/// Writes `summary` to `path` atomically (temporary file + rename).
llvm::Error writeSummary(const TUSummary &summary, const std::string &path);
llvm::Expected<TUSummary> readSummary(const std::string &path);

} // namespace concur
