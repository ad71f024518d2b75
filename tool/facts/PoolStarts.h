// Which coroutine tasks a function body hands to a pool to start.
//
// `pool.spawn(make_task())`, `co_await pool.schedule(make_task())` and
// `auto t = make_task(); pool.resume(t.handle());` start the task's body on
// one of the pool's worker threads (a catalogued `start-on-pool` call). The
// program model uses this, with the places a coroutine is co_awaited from,
// to tell coroutines that never run on an event loop (model/CoroutinePlacement.h).
#pragma once

#include <set>
#include <string>

namespace clang {
class CallExpr;
class Expr;
} // namespace clang

namespace concur {

class DescriptorNames;

class PoolStarts {
public:
  /// `starter` is a `start-on-pool` call: remember the tasks its arguments name.
  void recordStarter(const clang::CallExpr *starter);
  /// The task the call `created` returns is one a starter was given, directly
  /// or through the local variable it initialises (named by `names`).
  bool started(const clang::CallExpr *created, const DescriptorNames &names) const;

private:
  std::set<const clang::Expr *> calls_; // task-creating calls passed as they are
  std::set<std::string> variables_;     // 'v:<usr>' of variables holding a task
};

} // namespace concur
