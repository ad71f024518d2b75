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
class FunctionDecl;
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

/// The callee of a call in a template's pattern whose arguments depend on
/// the template parameters: such a call names an overload set, resolved
/// only per instantiation. When every declaration in the set has the same
/// qualified name (::read, std::this_thread::sleep_for), that name is what
/// the catalogue needs; null when they differ or the callee is an object's
/// member of a dependent type. Argument-dependent lookup at instantiation
/// may add a namesake the pattern cannot see: the pattern's reading wins.
const clang::FunctionDecl *calleeByName(const clang::CallExpr *call);

/// `std::<name>(x)` with one argument: std::move, std::forward, std::get<N>.
bool isStdCall(const clang::CallExpr *call, const char *name);

} // namespace concur
