// Callables that are stored, not run (issue 9, item 6).
//
// Handing a lambda to std::function's constructor or assignment, to a
// container's emplace_back or insert, or to std::bind runs nothing: the
// lambda runs where the stored object is invoked. The facts builder asks
// here whether a library call stores what it is given, records what is
// stored where (a variable, a data member, a container; a callable or the
// parameter it came through), and names the stored object an invocation
// `h()` calls, so that the program model links invocations to the callables
// stored in the same place.
#pragma once

#include "facts/Facts.h"

#include <llvm/ADT/ArrayRef.h>

#include <map>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class CXXConstructorDecl;
class CXXForRangeStmt;
class Expr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace concur {

/// The function a callable argument names (a lambda, a function, a pointer
/// to one, a variable holding a lambda), through std::move and
/// conversions; null if the argument is no such thing.
const clang::FunctionDecl *callableTarget(const clang::Expr *arg);

/// Whether a library function keeps the callables it is given rather than
/// running them: constructors, assignments, container insertions, binders,
/// std::move and the make_* factories. Algorithms and std::invoke run them.
bool storesCallables(const clang::FunctionDecl *libraryCallee);

class StoredCallables {
public:
  explicit StoredCallables(const clang::FunctionDecl *fn) : fn_(fn) {}

  /// A library call that stores its arguments into its object (or, for a
  /// constructor of a variable, into `into`).
  void noteStoringCall(const clang::Expr *into, llvm::ArrayRef<const clang::Expr *> args);
  /// `std::function<void()> f = lambda;` and the like.
  void noteVariable(const clang::VarDecl *var);
  /// A constructor's member initializers: `cb_(std::move(cb))`.
  void noteMemberInits(const clang::CXXConstructorDecl *ctor);
  /// `for (auto &h : handlers_)`: `h` is an element of `handlers_`.
  void noteRangeVariable(const clang::CXXForRangeStmt *loop);

  /// The place a call `h(args)` invokes a stored object from, when it is an
  /// invocation of a library callable wrapper; empty otherwise.
  std::string invokedPlace(const clang::CallExpr *call) const;

  std::vector<StoredCallable> take() { return std::move(stored_); }

private:
  std::string placeOf(const clang::Expr *e) const;
  void store(const std::string &place, const clang::Expr *value);

  const clang::FunctionDecl *fn_;
  std::vector<StoredCallable> stored_;
  std::map<std::string, std::string> elementOf_; // range variable -> container
};

} // namespace concur
