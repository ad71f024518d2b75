// concur/signal_set.hpp - awaiting POSIX signals on the loop (signalfd).
//
// The constructor blocks the listed signals in the calling thread (so they are
// queued for the signalfd instead of running a handler) and the destructor
// restores the previous mask. Create the signal_set before starting other
// threads (they inherit the mask), or a process-directed signal may be
// delivered to a thread that does not block it.
// Thread safety: used from its loop's thread. Blocking: wait() never blocks
// the loop. Cancellation: wait() throws operation_cancelled on stop; a
// non-zero timeout throws timed_out. Exceptions: std::system_error.
//
//   concur::signal_set sigs{SIGINT, SIGTERM};
//   int sig = co_await sigs.wait();   // stop the server gracefully
#pragma once

#include <signal.h>

#include <initializer_list>

#include "concur/detail/io.hpp"

namespace concur {

class signal_set {
 public:
  signal_set(std::initializer_list<int> signals);
  signal_set(const signal_set&) = delete;
  signal_set& operator=(const signal_set&) = delete;
  ~signal_set();

  struct wait_op {
    int fd;
    long operator()() const;
    int map(long r) const { return static_cast<int>(r); }
  };
  /// `co_await s.wait()` yields the number of the next signal received.
  detail::io_awaiter<wait_op> wait(detail::io_timeout timeout = {}) {
    return detail::io_awaiter<wait_op>(h_, false, timeout, wait_op{h_.fd()});
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
  detail::fd_handle h_;
};

}  // namespace concur
