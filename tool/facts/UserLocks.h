// The program's own lock types (issue 9, item 2). The catalogue names the
// standard library's locks; these are recognised from what the code says
// about itself:
// - -Wthread-safety annotations: a function marked acquire_capability,
//   release_capability or try_acquire_capability (and their older
//   spellings: exclusive_lock_function, unlock_function, ...) locks, unlocks
//   or try-locks the capabilities it names, or its object when it names none;
// - guard classes: a constructor that locks a mutex it is given and a
//   destructor that unlocks it, a std::lock_guard (or any catalogued guard)
//   member built from a constructor argument, or a constructor annotated to
//   acquire its argument. An object of such a class holds that argument's
//   mutex for its lifetime.
#pragma once

#include <llvm/ADT/ArrayRef.h>

#include <map>
#include <optional>
#include <vector>

namespace clang {
class CallExpr;
class CXXConstructorDecl;
class CXXRecordDecl;
class Expr;
class FieldDecl;
class FunctionDecl;
} // namespace clang

namespace concur {

class Catalog;
struct ApiEntry;

/// The object a member call or member operator call runs on; null otherwise.
const clang::Expr *objectOfCall(const clang::CallExpr *call);
/// A call's arguments without the object of a member operator call.
std::vector<const clang::Expr *> argumentsOfCall(const clang::CallExpr *call);
/// A tag argument that keeps a guard from locking (std::defer_lock, ...):
/// catalogue `deferred_by`.
bool isTagArgument(const clang::Expr *arg, const ApiEntry &entry);

/// What one call of an annotated function does, with the mutexes as
/// expressions of the caller (an argument, the object) or, for a capability
/// the annotation names directly (a data member, a global), of the callee.
struct AnnotatedLockOp {
  enum Kind { Acquire, Release, TryAcquire } kind = Acquire;
  std::vector<const clang::Expr *> mutexes;
  bool acquiredWhen = true; // TryAcquire: the result that means it was taken
};

/// The annotated effect of calling `callee` on `object` (null for a free
/// function) with `args`; nullopt when `callee` carries no such annotation.
std::optional<AnnotatedLockOp> annotatedLockOp(const clang::FunctionDecl *callee, const clang::Expr *object,
                                               llvm::ArrayRef<const clang::Expr *> args);

/// Recognises the program's guard classes by their constructors; each
/// constructor is examined once.
class UserGuards {
public:
  explicit UserGuards(const Catalog &catalog) : catalog_(catalog) {}

  /// The parameters of `ctor` whose mutexes the constructed object holds
  /// until it is destroyed; empty when `ctor` is not a guard's.
  const std::vector<unsigned> &lockedParameters(const clang::CXXConstructorDecl *ctor);

private:
  std::vector<unsigned> examine(const clang::CXXConstructorDecl *ctor) const;
  std::optional<unsigned> parameterOf(const clang::CXXConstructorDecl *ctor, const clang::Expr *mutex) const;
  bool destructorUnlocks(const clang::CXXRecordDecl *record, const clang::FieldDecl *field) const;

  const Catalog &catalog_;
  std::map<const clang::CXXConstructorDecl *, std::vector<unsigned>> cache_;
};

} // namespace concur
