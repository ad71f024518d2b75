#include "facts/BranchHints.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <clang/Basic/Builtins.h>

#include <optional>

namespace concur {

using namespace clang;

namespace {

enum class Attribute { None, Likely, Unlikely };

Attribute attributeOf(const Stmt *s) {
  const auto *attributed = dyn_cast_or_null<AttributedStmt>(s);
  if (!attributed)
    return Attribute::None;
  for (const Attr *attr : attributed->getAttrs()) {
    if (isa<UnlikelyAttr>(attr))
      return Attribute::Unlikely;
    if (isa<LikelyAttr>(attr))
      return Attribute::Likely;
  }
  return Attribute::None;
}

/// `__builtin_expect(c, v)` as the whole condition (through `!!`, casts and
/// parentheses): the expected value, or nothing.
std::optional<bool> expectedValue(const Expr *cond, ASTContext &ctx) {
  const auto *call = dyn_cast<CallExpr>(cond->IgnoreParenImpCasts());
  if (!call || call->getNumArgs() != 2 || call->getBuiltinCallee() != Builtin::BI__builtin_expect)
    return std::nullopt;
  Expr::EvalResult value;
  if (!call->getArg(1)->EvaluateAsInt(value, ctx))
    return std::nullopt;
  return value.Val.getInt().getBoolValue();
}

/// Whether the branch ends by throwing: an error check, whose report
/// (`if (fd < 0) { log(...); throw ...; }`) runs only when it fails.
bool endsInThrow(const Stmt *s) {
  if (const auto *attributed = dyn_cast_or_null<AttributedStmt>(s))
    s = attributed->getSubStmt();
  if (const auto *block = dyn_cast_or_null<CompoundStmt>(s))
    s = block->body_empty() ? nullptr : block->body_back();
  if (const auto *expr = dyn_cast_or_null<Expr>(s))
    return isa<CXXThrowExpr>(expr->IgnoreImplicit());
  return false;
}

} // namespace

BranchHint branchHint(const IfStmt *branch, ASTContext &ctx) {
  const Attribute then = attributeOf(branch->getThen());
  const Attribute otherwise = attributeOf(branch->getElse());
  if (then == Attribute::Unlikely || otherwise == Attribute::Likely)
    return BranchHint::ThenUnlikely;
  if (otherwise == Attribute::Unlikely || (then == Attribute::Likely && branch->getElse()))
    return BranchHint::ElseUnlikely;
  if (endsInThrow(branch->getThen()) && !endsInThrow(branch->getElse()))
    return BranchHint::ThenUnlikely;
  if (endsInThrow(branch->getElse()) && !endsInThrow(branch->getThen()))
    return BranchHint::ElseUnlikely;
  if (const Expr *cond = branch->getCond(); cond && !cond->isValueDependent())
    if (std::optional<bool> expected = expectedValue(cond, ctx))
      return *expected ? BranchHint::ElseUnlikely : BranchHint::ThenUnlikely;
  return BranchHint::None;
}

} // namespace concur
