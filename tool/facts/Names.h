// Names and identities of declarations, as facts and catalogues spell them.
#pragma once

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXRecordDecl;
class Decl;
class Expr;
class NamedDecl;
class QualType;
class SourceManager;
class SourceLocation;
} // namespace clang

namespace concur {
struct SourceLoc;

/// '::ns::Class::member' without template arguments and without inline
/// namespaces (std::__cxx11, std::__1): the spelling catalogues match.
std::string normalizedName(const clang::NamedDecl *decl);
/// The qualified name as clang prints it, without parameters.
std::string displayName(const clang::NamedDecl *decl);
/// Clang's USR; a stable identity across translation units.
std::string usrOf(const clang::Decl *decl);
/// The class of `type` (through references, pointers and typedefs) and all
/// its bases, normalised; empty if it is not a class.
std::vector<std::string> classAndBases(clang::QualType type);
/// The same for the class of an expression, looking through implicit
/// conversions (derived-to-base) to the object as written.
std::vector<std::string> classAndBases(const clang::Expr *expr);
/// Expansion location of `loc` as an absolute file:line:column:offset.
SourceLoc toSourceLoc(const clang::SourceManager &sm, clang::SourceLocation loc);

/// `std::<name>(x)` with one argument: std::move, std::forward, std::get<N>.
bool isStdCall(const clang::CallExpr *call, const char *name);

} // namespace concur
