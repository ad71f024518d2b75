#include "facts/Names.h"

#include "facts/Facts.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace concur {

using namespace clang;

std::string normalizedName(const NamedDecl *decl) {
  std::vector<std::string> parts;
  const DeclContext *ctx = decl->getDeclContext();
  parts.push_back(decl->getDeclName().getAsString());
  if (isa<CXXConstructorDecl>(decl) || isa<CXXDestructorDecl>(decl)) {
    // Spell constructors as Class::Class without template arguments.
    const auto *record = cast<CXXMethodDecl>(decl)->getParent();
    parts.back() = (isa<CXXDestructorDecl>(decl) ? "~" : "") + record->getNameAsString();
  }
  for (; ctx; ctx = ctx->getParent()) {
    if (const auto *ns = dyn_cast<NamespaceDecl>(ctx)) {
      if (ns->isInline())
        continue;
      parts.push_back(ns->isAnonymousNamespace() ? "(anonymous namespace)" : ns->getNameAsString());
    } else if (const auto *record = dyn_cast<RecordDecl>(ctx)) {
      parts.push_back(record->getNameAsString());
    } else if (isa<FunctionDecl>(ctx) || isa<LinkageSpecDecl>(ctx)) {
      if (isa<FunctionDecl>(ctx))
        break; // local classes: the local name is enough
    }
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    out += "::" + *it;
  return out;
}

std::string displayName(const NamedDecl *decl) {
  // A lambda's call operator: '<enclosing>::(lambda at file:line:col)', the
  // way clang's diagnostics name a lambda.
  if (const auto *method = dyn_cast<CXXMethodDecl>(decl); method && method->getParent()->isLambda()) {
    const CXXRecordDecl *closure = method->getParent();
    SourceLoc where = toSourceLoc(decl->getASTContext().getSourceManager(), closure->getLocation());
    std::string label = "(lambda at " + where.file + ":" + std::to_string(where.line) + ":" +
                        std::to_string(where.column) + ")";
    for (const DeclContext *ctx = closure->getDeclContext(); ctx; ctx = ctx->getParent())
      if (const auto *named = dyn_cast<NamedDecl>(ctx))
        return displayName(named) + "::" + label;
    return label;
  }
  std::string name;
  llvm::raw_string_ostream os(name);
  PrintingPolicy policy(decl->getASTContext().getLangOpts());
  policy.SuppressInlineNamespace = true;
  policy.FullyQualifiedName = true;
  decl->printQualifiedName(os, policy);
  return name;
}

std::string usrOf(const Decl *decl) {
  llvm::SmallString<128> usr;
  if (index::generateUSRForDecl(decl, usr))
    return {};
  return std::string(usr);
}

std::vector<std::string> classAndBases(const Expr *expr) {
  // The dynamic class as written: a derived-to-base conversion to the
  // parameter's type would hide that the stream is a file stream.
  return classAndBases(expr->IgnoreParenImpCasts()->getType());
}

std::vector<std::string> classAndBases(QualType type) {
  std::vector<std::string> out;
  type = type.getNonReferenceType();
  if (const auto *ptr = type->getAs<PointerType>())
    type = ptr->getPointeeType();
  const CXXRecordDecl *record = type->getAsCXXRecordDecl();
  if (!record)
    return out;
  out.push_back(normalizedName(record));
  if (!record->hasDefinition())
    return out;
  record->forallBases([&](const CXXRecordDecl *base) {
    out.push_back(normalizedName(base));
    return true;
  });
  return out;
}

SourceLoc toSourceLoc(const SourceManager &sm, SourceLocation loc) {
  SourceLoc out;
  if (loc.isInvalid())
    return out;
  SourceLocation spelling = sm.getExpansionLoc(loc);
  auto decomposed = sm.getDecomposedLoc(spelling);
  auto entry = sm.getFileEntryRefForID(decomposed.first);
  if (!entry)
    return out;
  llvm::SmallString<256> path(entry->getFileEntry().tryGetRealPathName());
  if (path.empty()) {
    path = entry->getName();
    llvm::sys::fs::make_absolute(path);
  }
  out.file = std::string(path);
  out.offset = decomposed.second;
  out.line = sm.getLineNumber(decomposed.first, decomposed.second);
  out.column = sm.getColumnNumber(decomposed.first, decomposed.second);
  return out;
}

bool isStdCall(const clang::CallExpr *call, const char *name) {
  const clang::FunctionDecl *callee = call->getDirectCallee();
  return callee && call->getNumArgs() == 1 && callee->isInStdNamespace() && callee->getIdentifier() &&
         callee->getName() == name;
}

const FunctionDecl *calleeByName(const CallExpr *call) {
  const auto *lookup = dyn_cast<UnresolvedLookupExpr>(call->getCallee()->IgnoreParenImpCasts());
  if (!lookup)
    return nullptr;
  const FunctionDecl *first = nullptr;
  std::string name;
  for (const NamedDecl *candidate : lookup->decls()) {
    candidate = candidate->getUnderlyingDecl(); // through using-declarations
    const auto *fn = dyn_cast<FunctionDecl>(candidate);
    if (const auto *generic = dyn_cast<FunctionTemplateDecl>(candidate))
      fn = generic->getTemplatedDecl();
    if (!fn)
      return nullptr;
    if (!first) {
      first = fn;
      name = normalizedName(fn);
    } else if (normalizedName(fn) != name) {
      return nullptr;
    }
  }
  return first;
}

} // namespace concur
