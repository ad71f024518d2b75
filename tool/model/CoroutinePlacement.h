// Coroutines that never run on an event loop (issue 9, item 3).
//
// A lazy coroutine task runs where it is started. It runs on a pool's
// worker thread from its first line when every place the program creates it
//  - hands it to a catalogued `start-on-pool` call (`pool.spawn(make_task())`,
//    CallSite::startsOnPool), or
//  - co_awaits it from a coroutine that is on a pool there: one that moved
//    itself with `co_await pool.schedule()` before (CallSite::onPool), or
//    that itself runs on a pool by this rule.
// A coroutine the program never creates, or creates anywhere else (a
// sync_wait, an event loop's spawn, a task stored for later), is assumed to
// run on an event loop, as before.
#pragma once

#include <vector>

namespace concur {

class ProgramModel;

class CoroutinePlacement {
public:
  explicit CoroutinePlacement(const ProgramModel &model);

  /// Coroutine `function` starts on a pool's thread wherever it is created.
  bool startsOnPool(int function) const { return onPool_[function]; }

private:
  std::vector<bool> onPool_;
};

} // namespace concur
