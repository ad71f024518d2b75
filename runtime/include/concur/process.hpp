// concur/process.hpp - child processes: process::spawn, reading their output
// through pipes and `co_await child.wait()` (a pidfd in the loop's epoll set).
//
// Thread safety: a child object is used from its loop's thread.
// Blocking: spawn() calls posix_spawnp (fast, no exec wait); wait() never
// blocks the loop. The destructor of a child that was not waited for kills it
// (SIGKILL) and reaps it, so no zombie is left behind.
// Cancellation: wait() throws operation_cancelled on stop (the child keeps
// running; kill() it if needed).
// Exceptions: spawn throws std::system_error (e.g. ENOENT for a missing program).
//
//   auto c = concur::process::spawn({"echo", "hi"}, {.capture_stdout = true});
//   std::string out = co_await c.stdout_pipe().read_to_end();
//   concur::process::exit_status st = co_await c.wait();   // st.code == 0
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "concur/stream_fd.hpp"
#include "concur/task.hpp"

namespace concur::process {

struct exit_status {
  int code = -1;   // exit code, or -1 if killed by a signal
  int signal = 0;  // the signal that killed it, or 0
  bool success() const noexcept { return code == 0 && signal == 0; }
};

struct spawn_options {
  bool capture_stdout = false;
  bool capture_stderr = false;
  bool pipe_stdin = false;
  std::string cwd;  // empty: inherit
};

class child {
 public:
  child() noexcept = default;
  child(child&& o) noexcept;
  child& operator=(child&& o) noexcept;
  ~child();

  pid_t pid() const noexcept { return pid_; }
  stream_fd& stdin_pipe() noexcept { return in_; }
  stream_fd& stdout_pipe() noexcept { return out_; }
  stream_fd& stderr_pipe() noexcept { return err_; }
  /// Sends `sig` (no effect once reaped).
  void kill(int sig) noexcept;

  struct wait_op {
    child* c;
    long operator()() const;
    exit_status map(long) const { return c->status_; }
  };
  /// `co_await c.wait()` reaps the child and yields how it ended.
  detail::io_awaiter<wait_op> wait(detail::io_timeout timeout = {}) {
    return detail::io_awaiter<wait_op>(pidfd_, false, timeout, wait_op{this});
  }

 private:
  friend child spawn(const std::vector<std::string>& argv, const spawn_options& opts);
  pid_t pid_ = -1;
  bool reaped_ = false;
  exit_status status_;
  detail::fd_handle pidfd_;
  stream_fd in_, out_, err_;
};

/// Starts argv[0] (looked up in PATH) with argv.
child spawn(const std::vector<std::string>& argv, const spawn_options& opts = {});

struct output {
  exit_status status;
  std::string out;
};
/// Runs a program to completion, capturing its standard output.
task<output> run(std::vector<std::string> argv);

}  // namespace concur::process
