// Builds the FunctionFacts of one function body.
#pragma once

#include "facts/Facts.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace concur {

class Catalog;

/// Extracts calls, loops, accesses and suspension points of `fn`, which must
/// have a body. Lambdas defined in the body are not entered: each lambda's
/// call operator is a function of its own.
FunctionFacts buildFunctionFacts(const clang::FunctionDecl *fn, clang::ASTContext &ctx,
                                 const Catalog &catalog);

} // namespace concur
