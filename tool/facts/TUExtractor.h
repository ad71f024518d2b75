// Extracts the facts of every function with a body in one translation unit.
#pragma once

#include "facts/Facts.h"

#include <memory>

namespace clang {
class ASTConsumer;
class ASTContext;
} // namespace clang

namespace concur {

class Catalog;

/// Facts of every function defined outside system headers: free functions,
/// methods, lambdas' call operators, template instantiations, coroutines.
TUSummary extractTU(clang::ASTContext &ctx, const Catalog &catalog);

} // namespace concur
