// concur/errors.hpp - the exceptions the runtime throws.
//
// Thread safety: the types are plain values. They never block.
//   try { co_await sleep_for(1s); } catch (const concur::operation_cancelled&) {}
#pragma once

#include <stdexcept>
#include <string>

namespace concur {

/// Thrown from an awaitable whose std::stop_token was stopped while it waited
/// (for instance the losers of when_any, or the siblings of a failed gather).
class operation_cancelled : public std::runtime_error {
 public:
  operation_cancelled() : std::runtime_error("concur: operation cancelled") {}
};

/// Thrown when an I/O operation's timeout expires before it completes.
class timed_out : public std::runtime_error {
 public:
  explicit timed_out(const std::string& what = "concur: operation timed out")
      : std::runtime_error(what) {}
};

/// A process-pool task whose worker died (signal, exit, abort, OOM kill).
/// what() names the signal, e.g. "worker 1234 killed by signal SIGSEGV".
class worker_crashed : public std::runtime_error {
 public:
  worker_crashed(const std::string& what, int signal, int exit_code)
      : std::runtime_error(what), signal_(signal), exit_code_(exit_code) {}
  /// The signal that killed the worker, or 0 if it exited.
  int signal() const noexcept { return signal_; }
  /// The worker's exit code if it exited, or -1.
  int exit_code() const noexcept { return exit_code_; }

 private:
  int signal_;
  int exit_code_;
};

/// A process-pool task that ran past its timeout; its worker was killed.
class task_timeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An exception thrown by a process-pool task, carried back as its message.
class remote_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A process-pool task that could not run because no worker was alive and
/// none could be started (fork or socketpair failed); what() says why. The
/// pool keeps trying and serves later tasks once a worker starts.
class worker_start_failed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Submitting to a pool that was shut down.
class pool_closed : public std::runtime_error {
 public:
  pool_closed() : std::runtime_error("concur: pool is shut down") {}
};

}  // namespace concur
