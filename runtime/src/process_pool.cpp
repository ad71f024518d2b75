// process_pool.cpp - worker processes, their protocol and the dispatcher.
#include "concur/process_pool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "concur/detail/frame_name.hpp"
#include "concur/profiler.hpp"
#include "process_pool_wire.hpp"

namespace concur {
namespace detail {
namespace {

// Tasks sent ahead to one worker: while the worker runs one, the next waits in
// its socket, so the worker never sleeps between tasks waiting for the
// dispatcher (unchunked throughput 14.8 -> 8.2 us/task, bench/RESULTS.md).
// Two is enough to hide the reply's trip; more would queue tasks behind a
// long one while another worker idles.
constexpr std::size_t kDepth = 2;
constexpr int kRetryMs = 100;  // between attempts to start a missing worker

struct job {
  std::uint64_t id = 0;
  trampoline_fn tramp = nullptr;
  void* fn = nullptr;
  std::string payload;
  std::unique_ptr<result_sink> sink;
};

struct worker_proc {
  pid_t pid = -1;
  int sock = -1;
  int pidfd = -1;
  // Sent, not yet answered, in the order sent: the worker runs the front one;
  // the others wait unread in its socket.
  std::deque<job> inflight;
  steady_clock::time_point deadline{};  // of the front task
  std::size_t done = 0;
  bool timed_out = false;
  std::uint64_t timed_out_id = 0;  // the task the timeout killed the worker for
  bool retiring = false;
  bool dead = false;
};

}  // namespace

class process_pool_impl {
 public:
  explicit process_pool_impl(process_pool::options o) : opts_(o), parent_(::getpid()) {
    if (opts_.workers == 0) opts_.workers = std::max(1u, std::thread::hardware_concurrency());
    epfd_ = ::epoll_create1(EPOLL_CLOEXEC);
    evfd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epfd_ < 0 || evfd_ < 0) throw std::system_error(errno, std::generic_category(), "process_pool");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = 0;
    ::epoll_ctl(epfd_, EPOLL_CTL_ADD, evfd_, &ev);
    // The first workers are forked here, before the dispatcher thread exists
    // (one thread fewer copied into each, and no hand-off to wait for).
    try {
      for (std::size_t i = 0; i < opts_.workers; ++i) spawn_worker();
    } catch (...) {
      for (auto& w : workers_) ::kill(w->pid, SIGKILL), reap(*w);
      ::close(evfd_);
      ::close(epfd_);
      throw;
    }
    th_ = std::thread([this] { run(); });
  }

  ~process_pool_impl() {
    {
      std::lock_guard lk(mu_);
      stopping_ = true;
    }
    wake();
    th_.join();
    ::close(evfd_);
    ::close(epfd_);
  }

  void enqueue(job j) {
    bool was_empty;
    {
      std::lock_guard lk(mu_);
      if (stopping_) throw pool_closed();
      j.id = ++next_id_;
      was_empty = incoming_.empty();
      incoming_.push_back(std::move(j));
    }
    // A non-empty list means its first job's submitter woke the dispatcher,
    // which takes the whole list at once: one eventfd write per batch.
    if (was_empty) wake();
  }

  std::size_t size() const noexcept { return opts_.workers; }
  process_pool::stats stats() const {
    std::lock_guard lk(stats_mu_);
    return stats_;
  }
  std::vector<int> pids() const {
    std::lock_guard lk(stats_mu_);
    return pids_;
  }

 private:
  void wake() {
    std::uint64_t one = 1;
    [[maybe_unused]] auto r = ::write(evfd_, &one, sizeof one);
  }

  void spawn_worker() {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
      throw std::system_error(errno, std::generic_category(), "socketpair");
    pid_t pid = ::fork();
    if (pid < 0) {
      int e = errno;
      ::close(sv[0]);
      ::close(sv[1]);
      throw std::system_error(e, std::generic_category(), "fork");
    }
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent_) ::_exit(1);
      ::close(sv[0]);
      ::close(epfd_);
      ::close(evfd_);
      for (auto& w : workers_) {
        if (w->sock >= 0) ::close(w->sock);
        if (w->pidfd >= 0) ::close(w->pidfd);
      }
      if (opts_.initializer) opts_.initializer();
      worker_main(sv[1]);
    }
    ::close(sv[1]);
    auto w = std::make_unique<worker_proc>();
    w->pid = pid;
    w->sock = sv[0];
    w->pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.u64 = reinterpret_cast<std::uint64_t>(w.get());
    ::epoll_ctl(epfd_, EPOLL_CTL_ADD, w->sock, &ev);
    if (w->pidfd >= 0) {
      ::fcntl(w->pidfd, F_SETFD, FD_CLOEXEC);
      ev.data.u64 = reinterpret_cast<std::uint64_t>(w.get()) | 1;
      ::epoll_ctl(epfd_, EPOLL_CTL_ADD, w->pidfd, &ev);
    }
    workers_.push_back(std::move(w));
    std::lock_guard lk(stats_mu_);
    ++stats_.workers_started;
    pids_.push_back(pid);
  }

  // Waits for w's exit and closes what is left of it.
  static void reap(worker_proc& w) {
    siginfo_t si{};
    while (::waitid(P_PID, static_cast<id_t>(w.pid), &si, WEXITED) < 0 && errno == EINTR) {
    }
    if (w.sock >= 0) ::close(w.sock);
    if (w.pidfd >= 0) ::close(w.pidfd);
    w.sock = w.pidfd = -1;
  }

  std::size_t active_workers() const {
    std::size_t n = 0;
    for (auto& w : workers_) n += !w->dead && !w->retiring;
    return n;
  }

  // How many more tasks w may take now: up to kDepth in flight, and never
  // past its max_tasks_per_child quota.
  std::size_t room(const worker_proc& w) const {
    if (w.dead || w.retiring) return 0;
    std::size_t cap = kDepth;
    if (opts_.max_tasks_per_child) cap = std::min(cap, opts_.max_tasks_per_child - w.done);
    return cap > w.inflight.size() ? cap - w.inflight.size() : 0;
  }

  // Fills the workers level by level, so every idle worker gets a task before
  // any worker gets a second one.
  void assign() {
    for (std::size_t level = 0; level < kDepth && !queue_.empty(); ++level)
      for (auto& w : workers_) {
        if (queue_.empty()) return;
        if (w->inflight.size() == level && room(*w) > 0) send_job(*w);
      }
  }

  void send_job(worker_proc& w) {
    job j = std::move(queue_.front());
    queue_.pop_front();
    frame h;
    h.id = j.id;
    h.tramp = reinterpret_cast<std::uint64_t>(j.tramp);
    h.fn = reinterpret_cast<std::uint64_t>(j.fn);
    if (w.inflight.empty()) start_clock(w);
    // The payload stays with the job: if the worker dies before reaching it,
    // the task goes to another worker.
    const bool sent = send_frame(w.sock, h, j.payload);
    w.inflight.push_back(std::move(j));
    if (!sent) ::kill(w.pid, SIGKILL);  // its death fails or re-queues the tasks
  }

  // The front task's timeout starts when the worker reaches it.
  void start_clock(worker_proc& w) {
    if (opts_.task_timeout.count() > 0) w.deadline = steady_clock::now() + opts_.task_timeout;
  }

  void on_readable(worker_proc& w) {
    for (;;) {
      frame h;
      int rc = recv_frame(w.sock, h, payload_, scratch_, MSG_DONTWAIT);
      if (rc == -2) return;
      if (rc <= 0) {
        on_death(w);
        return;
      }
      on_reply(w, h);
    }
  }

  void on_reply(worker_proc& w, const frame& h) {
    if (w.inflight.empty() || w.inflight.front().id != h.id) return;  // cannot happen: replies come in order
    job j = std::move(w.inflight.front());
    w.inflight.pop_front();
    if (!w.inflight.empty()) start_clock(w);
    ++w.done;
    if (profiler::enabled())
      profiler::record(fn_name(j.fn), "process", h.wall_ns, h.cpu_ns, h.wall_ns > h.cpu_ns ? h.wall_ns - h.cpu_ns : 0);
    if (h.status == 0) {
      reader r(payload_.data(), payload_.size());
      j.sink->ok(r);
    } else {
      // Built apart from the fail() call: see fail_front.
      std::exception_ptr e = std::make_exception_ptr(remote_error(payload_));
      j.sink->fail(std::move(e));
    }
    {
      std::lock_guard lk(stats_mu_);
      ++stats_.completed;
    }
    if (opts_.max_tasks_per_child && w.done >= opts_.max_tasks_per_child) {
      w.retiring = true;
      send_frame(w.sock, frame{}, {});  // tramp == 0: exit
      replace_worker();
    }
  }

  void on_death(worker_proc& w) {
    if (w.dead) return;
    // Replies the worker sent before dying are still in the socket (the pidfd
    // can report the death first): deliver them, so that only the task it
    // was running when it died fails.
    for (frame h; !w.inflight.empty() && recv_frame(w.sock, h, payload_, scratch_, MSG_DONTWAIT) == 1;)
      on_reply(w, h);
    w.dead = true;
    siginfo_t si{};
    while (::waitid(P_PID, static_cast<id_t>(w.pid), &si, WEXITED) < 0 && errno == EINTR) {
    }
    if (!w.inflight.empty()) {
      fail_front(w, si);
      // The rest were never read by the worker: they run elsewhere, once.
      for (auto it = w.inflight.rbegin(); it != w.inflight.rend(); ++it) queue_.push_front(std::move(*it));
      w.inflight.clear();
    }
    {
      std::lock_guard lk(stats_mu_);
      std::erase(pids_, w.pid);
    }
    ::epoll_ctl(epfd_, EPOLL_CTL_DEL, w.sock, nullptr);
    if (w.pidfd >= 0) ::epoll_ctl(epfd_, EPOLL_CTL_DEL, w.pidfd, nullptr);
    ::close(w.sock);
    if (w.pidfd >= 0) ::close(w.pidfd);
    w.sock = w.pidfd = -1;  // the numbers get reused: a later fork must not close them
    if (!w.retiring) replace_worker();
  }

  // A worker that cannot be started now (fork or socketpair failing, e.g.
  // out of processes or descriptors) is retried every kRetryMs. Meanwhile, if
  // no worker is left at all, queued tasks fail instead of waiting forever.
  void replace_worker() {
    ++missing_;
    start_missing();
  }

  void start_missing() {
    while (missing_ > 0 && active_workers() < opts_.workers) {
      try {
        spawn_worker();
        --missing_;
      } catch (const std::exception& e) {
        if (active_workers() == 0) fail_queue(e.what());
        return;
      }
    }
    missing_ = 0;
  }

  void fail_queue(const std::string& why) {
    for (auto& j : queue_) {
      std::exception_ptr e = std::make_exception_ptr(
          worker_start_failed("concur::process_pool: no worker is running and none could be started: " + why));
      j.sink->fail(std::move(e));
    }
    queue_.clear();
  }

  // Fails the task w was running when it died.
  void fail_front(worker_proc& w, const siginfo_t& si) {
    job j = std::move(w.inflight.front());
    w.inflight.pop_front();
    std::lock_guard lk(stats_mu_);
    // The exception_ptr is made in a statement of its own, so the temporary
    // exception it was copied from (whose what() string libstdc++ shares
    // by reference count with the copy) is gone before the waiting thread
    // can see the copy: otherwise the two threads free and read that string
    // synchronised only inside libstdc++, which ThreadSanitizer cannot see.
    std::exception_ptr e;
    if (w.timed_out && j.id == w.timed_out_id) {
      ++stats_.timed_out;
      e = std::make_exception_ptr(task_timeout(
          "concur::process_pool: task exceeded its timeout of " + std::to_string(opts_.task_timeout.count()) +
          " ms; worker " + std::to_string(w.pid) + " was killed"));
    } else {
      ++stats_.crashed;
      e = std::make_exception_ptr(worker_crashed(describe_death(w.pid, si),
                                                 si.si_code == CLD_EXITED ? 0 : si.si_status,
                                                 si.si_code == CLD_EXITED ? si.si_status : -1));
    }
    j.sink->fail(std::move(e));
  }

  int next_timeout_ms() {
    int best = missing_ > 0 ? kRetryMs : -1;
    if (opts_.task_timeout.count() <= 0) return best;
    auto now = steady_clock::now();
    for (auto& w : workers_) {
      if (w->dead || w->inflight.empty() || w->timed_out) continue;
      auto ms = std::chrono::ceil<std::chrono::milliseconds>(w->deadline - now).count();
      int v = ms < 0 ? 0 : static_cast<int>(ms);
      if (best < 0 || v < best) best = v;
    }
    return best;
  }
  void run() {
    bool stopping = false;
    for (;;) {
      {
        std::lock_guard lk(mu_);
        while (!incoming_.empty()) {
          queue_.push_back(std::move(incoming_.front()));
          incoming_.pop_front();
        }
        stopping = stopping_;
      }
      if (missing_ > 0) start_missing();
      assign();
      bool busy = false;
      for (auto& w : workers_) busy |= !w->dead && !w->inflight.empty();
      if (stopping && queue_.empty() && !busy) break;
      epoll_event evs[64];
      int n = ::epoll_wait(epfd_, evs, 64, next_timeout_ms());
      for (int i = 0; i < n; ++i) {
        std::uint64_t d = evs[i].data.u64;
        if (d == 0) {
          std::uint64_t v;
          [[maybe_unused]] auto r = ::read(evfd_, &v, sizeof v);
          continue;
        }
        auto* w = reinterpret_cast<worker_proc*>(d & ~std::uint64_t{1});
        if (w->dead) continue;
        if (d & 1) on_death(*w);
        else if (evs[i].events & EPOLLIN) on_readable(*w);
        else on_death(*w);
      }
      if (opts_.task_timeout.count() > 0) {
        auto now = steady_clock::now();
        for (auto& w : workers_)
          if (!w->dead && !w->inflight.empty() && !w->timed_out && w->deadline <= now) {
            w->timed_out = true;
            w->timed_out_id = w->inflight.front().id;
            ::kill(w->pid, SIGKILL);
          }
      }
      std::erase_if(workers_, [](const std::unique_ptr<worker_proc>& w) { return w->dead; });
    }
    // Drained: tell every worker to exit, then reap them (all exit at once:
    // a process's teardown takes a millisecond or more).
    for (auto& w : workers_) {
      if (w->dead) continue;
      send_frame(w->sock, frame{}, {});
      ::shutdown(w->sock, SHUT_WR);
    }
    for (auto& w : workers_) {
      if (w->dead) continue;
      reap(*w);
    }
    workers_.clear();
  }

  process_pool::options opts_;
  pid_t parent_;
  int epfd_ = -1;
  int evfd_ = -1;
  std::mutex mu_;
  std::deque<job> incoming_;
  bool stopping_ = false;
  std::uint64_t next_id_ = 0;
  std::deque<job> queue_;
  std::vector<std::unique_ptr<worker_proc>> workers_;
  std::string scratch_, payload_;  // reused by every receive
  std::size_t missing_ = 0;         // workers to start again (see replace_worker)
  mutable std::mutex stats_mu_;
  process_pool::stats stats_;
  std::vector<int> pids_;
  std::thread th_;
};

}  // namespace detail

process_pool::process_pool(options opts) : impl_(std::make_unique<detail::process_pool_impl>(opts)) {}
process_pool::~process_pool() = default;
std::size_t process_pool::size() const noexcept { return impl_->size(); }
process_pool::stats process_pool::statistics() const { return impl_->stats(); }
std::vector<int> process_pool::worker_pids() const { return impl_->pids(); }

void process_pool::enqueue(detail::trampoline_fn tramp, void* fn, std::string payload,
                           std::unique_ptr<detail::result_sink> sink) {
  detail::job j;
  j.tramp = tramp;
  j.fn = fn;
  j.payload = std::move(payload);
  j.sink = std::move(sink);
  impl_->enqueue(std::move(j));
}

}  // namespace concur
