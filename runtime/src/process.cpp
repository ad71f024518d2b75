// process.cpp - child processes via posix_spawnp and pidfd.
#include "concur/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <system_error>

extern char** environ;

namespace concur::process {
namespace {
int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }

exit_status decode(const siginfo_t& si) {
  exit_status s;
  if (si.si_code == CLD_EXITED) s.code = si.si_status;
  else s.signal = si.si_status;
  return s;
}
}  // namespace

long child::wait_op::operator()() const {
  if (c->reaped_) return 0;
  siginfo_t si{};
  if (::waitid(P_PID, static_cast<id_t>(c->pid_), &si, WEXITED | WNOHANG) < 0) return -errno;
  if (si.si_pid == 0) return -EAGAIN;
  c->status_ = decode(si);
  c->reaped_ = true;
  return 0;
}

child::child(child&& o) noexcept
    : pid_(std::exchange(o.pid_, -1)), reaped_(o.reaped_), status_(o.status_), pidfd_(std::move(o.pidfd_)),
      in_(std::move(o.in_)), out_(std::move(o.out_)), err_(std::move(o.err_)) {}

child& child::operator=(child&& o) noexcept {
  if (this != &o) {
    this->~child();
    new (this) child(std::move(o));
  }
  return *this;
}

child::~child() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    siginfo_t si{};
    ::waitid(P_PID, static_cast<id_t>(pid_), &si, WEXITED);
  }
}

void child::kill(int sig) noexcept {
  if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
}

child spawn(const std::vector<std::string>& argv, const spawn_options& opts) {
  if (argv.empty()) throw std::invalid_argument("concur::process::spawn: empty argv");
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  auto mk = [](int p[2]) {
    if (::pipe2(p, O_CLOEXEC) < 0) throw std::system_error(errno, std::generic_category(), "pipe2");
  };
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (opts.pipe_stdin) mk(in), posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  if (opts.capture_stdout) mk(out), posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  if (opts.capture_stderr) mk(err), posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  if (!opts.cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, opts.cwd.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  for (int fd : {in[0], out[1], err[1]})
    if (fd >= 0) ::close(fd);
  if (rc != 0) {
    for (int fd : {in[1], out[0], err[0]})
      if (fd >= 0) ::close(fd);
    throw std::system_error(rc, std::generic_category(), "posix_spawnp " + argv[0]);
  }
  child c;
  c.pid_ = pid;
  int pfd = pidfd_open(pid);
  if (pfd < 0) {
    int e = errno;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    throw std::system_error(e, std::generic_category(), "pidfd_open");
  }
  ::fcntl(pfd, F_SETFD, FD_CLOEXEC);
  c.pidfd_ = detail::fd_handle(pfd);
  if (in[1] >= 0) c.in_ = stream_fd(in[1]);
  if (out[0] >= 0) c.out_ = stream_fd(out[0]);
  if (err[0] >= 0) c.err_ = stream_fd(err[0]);
  return c;
}

task<output> run(std::vector<std::string> argv) {
  spawn_options options;
  options.capture_stdout = true;
  child c = spawn(argv, options);
  output o;
  o.out = co_await c.stdout_pipe().read_to_end();
  o.status = co_await c.wait();
  co_return o;
}

}  // namespace concur::process
