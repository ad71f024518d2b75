// Where a coroutine's calls run, and which waits in it cannot wait.
//
// A forward must-dataflow over the coroutine body's CFG (Clang's CFG, as in
// LockSets). Two kinds of facts hold at a call when they hold on every path
// reaching it:
//  - "on a pool": a co_await of a catalogued `resume-on-pool` awaitable
//    (`co_await pool.schedule()`) came before, with no `resume-on-loop` since;
//    the promise's initial_suspend() counts (a promise that schedules the
//    coroutine onto an executor before its first line);
//  - "K is ready": the coroutine co_awaited an expression naming location K
//    (`co_await fut`), or took the branch on which a timed wait on K said
//    `std::future_status::ready`; K has not been assigned since.
// A wait on a ready K (`fut.get()`) returns at once; a call on a pool stalls
// no event loop.
#pragma once

#include <memory>
#include <string>

namespace clang {
class ASTContext;
class CoroutineBodyStmt;
class Stmt;
} // namespace clang

namespace concur {

class Catalog;

class CoroutineFlow {
public:
  CoroutineFlow(const clang::CoroutineBodyStmt *coroutine, clang::ASTContext &ctx, const Catalog &catalog);
  ~CoroutineFlow();

  /// The call (a CFG element) or loop runs on a pool's thread on every path.
  bool onPool(const clang::Stmt *stmt) const;
  /// Location `key` (LockSets' locationKey) is ready at the call on every path.
  bool ready(const clang::Stmt *call, const std::string &key) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace concur
