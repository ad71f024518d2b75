// Whether an access to a memory location reads or writes it.
#pragma once

namespace clang {
class Expr;
class ParentMap;
class QualType;
} // namespace clang

namespace concur {

/// True when the expression naming a location is written: assigned,
/// incremented, bound to a non-const reference or pointer, used as the object
/// of a non-const member function, or has its address taken.
bool isWriteAccess(const clang::Expr *expr, const clang::ParentMap &parents);

/// std::atomic, std::atomic_ref, std::atomic_flag and C11 _Atomic: objects
/// designed to be accessed concurrently.
bool isSynchronisationType(clang::QualType type);

} // namespace concur
