// Which locks are held at each point of a function body.
//
// A forward dataflow over Clang's CFG. Acquire and release come from the
// catalogue (effects `lock` / `unlock`), so `m.lock()`, `pthread_mutex_lock`,
// `std::lock` and RAII guards (a constructor with the `lock` effect; its
// destructor, seen as a CFG automatic-object destructor, releases) are one
// mechanism; the program's own lock types (-Wthread-safety annotations,
// guard classes: UserLocks.h) join it. Two sets are kept: locks held on every path (what a race check
// may rely on) and on some path (what a suspension must not see).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class ParentMap;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace concur {

class Catalog;
struct ApiEntry;

/// Identity of a memory location or a mutex, written as a string so that it
/// can cross translation units: 'v:<usr>' for variables, 'm:<usr>' for fields
/// of `*this`, 'expr:<text>' otherwise.
std::string locationKey(const clang::Expr *expr);

using LockSet = std::set<std::string>;

struct LocksAtPoint {
  LockSet must; // held on every path reaching the point
  LockSet may;  // held on at least one path
};

class LockSetAnalysis {
public:
  LockSetAnalysis(const clang::Stmt *body, clang::ASTContext &ctx, const Catalog &catalog);
  ~LockSetAnalysis();

  /// Locks held just before `stmt` runs (the nearest enclosing statement the
  /// CFG knows); null when nothing is known.
  const LocksAtPoint *at(const clang::Stmt *stmt) const;

  /// The body's parent map (built once here, shared with the fact builder).
  const clang::ParentMap &parents() const;

  /// Locks the call or construction `stmt` acquires (empty if none).
  std::vector<std::string> acquiredBy(const clang::Stmt *stmt) const;

  /// The mutexes `stmt` acquires as the code names them: the object of
  /// m.lock(), the arguments of a guard's construction, the mutex a helper
  /// (`enter()` doing `m.lock()`) locks as the helper writes it.
  std::vector<const clang::Expr *> writtenMutexes(const clang::Stmt *stmt) const;

  /// The mutexes a guard object of this body (a std::unique_lock) owns.
  std::vector<std::string> mutexesOf(const clang::VarDecl *guard) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace concur
