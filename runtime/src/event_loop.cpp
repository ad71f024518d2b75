// event_loop.cpp - the epoll backend of concur::event_loop.
#include "concur/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "concur/detail/frame_name.hpp"

namespace concur {
namespace {
thread_local event_loop* t_current = nullptr;

struct current_scope {
  event_loop* prev;
  explicit current_scope(event_loop* l) : prev(t_current) { t_current = l; }
  ~current_scope() { t_current = prev; }
};

[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

std::uint64_t thread_cpu_ns() noexcept {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull + ts.tv_nsec;
}
}  // namespace

namespace detail {
void resume_handle(void* address) noexcept {
  std::coroutine_handle<>::from_address(address).resume();
}

detached::promise_type::~promise_type() {
  if (!loop) return;
  (prev ? prev->next : loop->live_) = next;
  if (next) next->prev = prev;
  --loop->live_count_;
}

namespace {
struct frame_cache_drain {
  ~frame_cache_drain() {
    frame_cache& fc = t_frame_cache;
    fc.closed = true;
    for (void*& h : fc.head)
      while (void* p = h) {
        h = *static_cast<void**>(p);
        ::operator delete(p);
      }
    fc.bytes = 0;
  }
};
}  // namespace

void frame_cache_register() noexcept {
  thread_local frame_cache_drain drain;  // its destructor runs at thread exit
  (void)drain;
  t_frame_cache.registered = true;
}

void cancel_hook::callback::operator()() noexcept {
  cancel_hook* s = self;
  if (s->loop_->in_loop_thread()) {
    s->cell_->on_cancel(s->cell_->target);
    return;
  }
  auto* keep = new std::shared_ptr<cell>(s->cell_);
  s->loop_->post(
      [](void* p) {
        auto* c = static_cast<std::shared_ptr<cell>*>(p);
        if ((*c)->target) (*c)->on_cancel((*c)->target);
        delete c;
      },
      keep);
}

void cancel_hook::arm(event_loop& loop, const std::stop_token& st, void (*on_cancel)(void*),
                      void* target) {
  if (!st.stop_possible()) return;
  loop_ = &loop;
  cell_ = std::make_shared<cell>(cell{on_cancel, target});
  cb_.emplace(st, callback{this});
}

void cancel_hook::disarm() noexcept {
  if (!cell_) return;
  cb_.reset();
  cell_->target = nullptr;
  cell_.reset();
}

void timer_awaiter::suspend(std::coroutine_handle<> h, const std::stop_token& st) {
  loop_ = event_loop::current();
  if (!loop_) throw std::logic_error("concur::sleep_for: no event loop on this thread");
  h_ = h;
  if (st.stop_requested()) {
    cancelled_ = true;
    loop_->schedule(h);
    return;
  }
  node_.ctx = this;
  node_.fire = [](timer_node* n) {
    auto* self = static_cast<timer_awaiter*>(n->ctx);
    self->hook_.disarm();
    self->loop_->schedule(self->h_);
  };
  loop_->add_timer(&node_);
  hook_.arm(*loop_, st, [](void* p) {
    auto* self = static_cast<timer_awaiter*>(p);
    if (!self->node_.armed()) return;
    self->loop_->remove_timer(&self->node_);
    self->cancelled_ = true;
    self->loop_->schedule(self->h_);
  }, this);
}

void yield_awaiter::await_suspend(std::coroutine_handle<> h) const {
  event_loop* l = event_loop::current();
  if (!l) throw std::logic_error("concur::yield: no event loop on this thread");
  l->schedule(h);
}
}  // namespace detail

event_loop::event_loop() {
  epfd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epfd_ < 0) throw_errno("epoll_create1");
  evfd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (evfd_ < 0) throw_errno("eventfd");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = nullptr;
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, evfd_, &ev) < 0) throw_errno("epoll_ctl");
  ready_.reserve(256);
  running_.reserve(256);
  if (const char* s = std::getenv("CONCUR_STALL_MS")) {
    stall_threshold_ = std::chrono::milliseconds(std::atoll(s));
    stall_env_ = true;
  }
}

event_loop::~event_loop() {
  {
    current_scope scope(this);
    // Destroy spawned tasks that never finished (their awaiters deregister;
    // each driver unlinks itself).
    while (live_) std::coroutine_handle<detail::detached::promise_type>::from_promise(*live_).destroy();
  }
  if (stall_env_ && stall_.stalls > 0)
    std::fprintf(stderr, "concur: loop stalled %llu times; longest %.3f ms in %s\n",
                 static_cast<unsigned long long>(stall_.stalls),
                 static_cast<double>(stall_.longest.count()) / 1e6, stall_.task.c_str());
  ::close(evfd_);
  ::close(epfd_);
}

event_loop* event_loop::current() noexcept { return t_current; }

void event_loop::post(void (*fn)(void*), void* arg) {
  bool wake;
  {
    std::lock_guard lk(remote_mu_);
    remote_.push_back({fn, arg});
    remote_ready_.store(true, std::memory_order_release);
    wake = sleeping_;
    sleeping_ = false;
  }
  if (wake) {
    std::uint64_t one = 1;
    [[maybe_unused]] auto r = ::write(evfd_, &one, sizeof one);
  }
}

void event_loop::start_detached(detail::detached d) {
  detail::detached::promise_type& p = d.h.promise();
  p.loop = this;
  p.next = live_;
  if (live_) live_->prev = &p;
  live_ = &p;
  ++live_count_;
  schedule(d.h);
}

detail::detached event_loop::drive_spawned(task<void> t) {
  try {
    co_await std::move(t);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "concur: exception in a spawned task: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "concur: unknown exception in a spawned task\n");
  }
}

void event_loop::spawn(task<void> t) { start_detached(drive_spawned(std::move(t))); }

void event_loop::run() {
  current_scope scope(this);
  while (live_) run_once(true);
}

void event_loop::add_timer(detail::timer_node* n) {
  n->seq = ++timer_seq_;
  n->index = heap_.size();
  heap_.push_back(n);
  heap_up(n->index);
}

void event_loop::remove_timer(detail::timer_node* n) noexcept {
  std::size_t i = n->index;
  if (i == detail::timer_node::npos) return;
  n->index = detail::timer_node::npos;
  detail::timer_node* last = heap_.back();
  heap_.pop_back();
  if (last == n) return;
  heap_[i] = last;
  last->index = i;
  heap_up(i);
  heap_down(last->index);
}

namespace {
inline bool earlier(const detail::timer_node* a, const detail::timer_node* b) noexcept {
  return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}
}  // namespace

void event_loop::heap_up(std::size_t i) noexcept {
  detail::timer_node* n = heap_[i];
  while (i > 0) {
    std::size_t p = (i - 1) / 2;
    if (!earlier(n, heap_[p])) break;
    heap_[i] = heap_[p];
    heap_[i]->index = i;
    i = p;
  }
  heap_[i] = n;
  n->index = i;
}

void event_loop::heap_down(std::size_t i) noexcept {
  detail::timer_node* n = heap_[i];
  const std::size_t size = heap_.size();
  for (;;) {
    std::size_t c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && earlier(heap_[c + 1], heap_[c])) ++c;
    if (!earlier(heap_[c], n)) break;
    heap_[i] = heap_[c];
    heap_[i]->index = i;
    i = c;
  }
  heap_[i] = n;
  n->index = i;
}

void event_loop::fire_timers() {
  if (heap_.empty()) return;
  auto now = steady_clock::now();
  while (!heap_.empty() && heap_.front()->deadline <= now) {
    detail::timer_node* n = heap_.front();
    remove_timer(n);
    n->fire(n);
  }
}

detail::io_state* event_loop::register_fd(int fd) {
  auto* st = new detail::io_state{fd, nullptr, nullptr};
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = st;
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev) < 0) {
    int e = errno;
    delete st;
    throw std::system_error(e, std::generic_category(), "epoll_ctl(ADD)");
  }
  return st;
}

void event_loop::deregister_fd(detail::io_state* st) noexcept {
  if (!st) return;
  epoll_ctl(epfd_, EPOLL_CTL_DEL, st->fd, nullptr);
  delete st;
}

int event_loop::next_timeout_ms() const {
  if (heap_.empty()) return -1;
  auto d = heap_.front()->deadline - steady_clock::now();
  if (d <= steady_clock::duration::zero()) return 0;
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(d).count();
  return ms > 3600000 ? 3600000 : static_cast<int>(ms);
}

void event_loop::drain_remote() {
  std::lock_guard lk(remote_mu_);
  sleeping_ = false;
  remote_ready_.store(false, std::memory_order_relaxed);
  if (remote_.empty()) return;
  ready_.insert(ready_.end(), remote_.begin(), remote_.end());
  remote_.clear();
}

void event_loop::expect_post() noexcept {
  expected_posts_.fetch_add(1, std::memory_order_relaxed);
  last_expect_ = steady_clock::now();
}

// Sleeping in epoll_wait costs the poster an eventfd write and the loop a
// wake-up, 5-60 us on a virtual machine whose idle CPUs halt: more than a
// short offloaded call itself. So while an offload started within the last
// kSpinWindow is outstanding, watch for its post for up to kSpin first. A
// long offload stops causing spins once it is older than the window.
void event_loop::spin_for_posts() {
  constexpr auto kSpin = std::chrono::microseconds(50);
  constexpr auto kSpinWindow = std::chrono::milliseconds(1);
  const auto now = steady_clock::now();
  if (now - last_expect_ > kSpinWindow) return;
  const auto until = now + kSpin;
  while (!remote_ready_.load(std::memory_order_acquire) && steady_clock::now() < until)
    for (int i = 0; i < 16; ++i) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
}

void event_loop::run_once(bool may_block) {
  current_scope scope(this);
  if (may_block && ready_.empty() && expected_posts_.load(std::memory_order_relaxed) > 0) spin_for_posts();
  int timeout = 0;
  if (may_block && ready_.empty()) {
    std::lock_guard lk(remote_mu_);
    if (remote_.empty()) {
      timeout = next_timeout_ms();
      sleeping_ = timeout != 0;
    }
  }
  epoll_event evs[128];
  int n = epoll_wait(epfd_, evs, 128, timeout);
  if (n < 0 && errno != EINTR) throw_errno("epoll_wait");
  for (int i = 0; i < n; ++i) {
    auto* st = static_cast<detail::io_state*>(evs[i].data.ptr);
    if (!st) {
      std::uint64_t v;
      [[maybe_unused]] auto r = ::read(evfd_, &v, sizeof v);
      continue;
    }
    const std::uint32_t e = evs[i].events;
    if (e & (EPOLLERR | EPOLLHUP | EPOLLRDHUP)) st->read_closed = true;
    if (e & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)) st->read_drained = false;
    if ((e & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)) && st->reader) {
      detail::io_waiter* w = st->reader;
      st->reader = nullptr;
      w->notify(w);
    }
    if ((e & (EPOLLOUT | EPOLLERR | EPOLLHUP)) && st->writer) {
      detail::io_waiter* w = st->writer;
      st->writer = nullptr;
      w->notify(w);
    }
  }
  drain_remote();
  fire_timers();
  if (stall_threshold_.count() > 0 || detail::g_profile_on.load(std::memory_order_relaxed))
    run_ready_timed();
  else
    run_ready();
}

void event_loop::run_ready() {
  running_.swap(ready_);
  for (const detail::work_item& w : running_) w.fn(w.arg);
  running_.clear();
}

bool event_loop::run_ready_timed() {
  const bool prof = detail::g_profile_on.load(std::memory_order_relaxed);
  running_.swap(ready_);
  for (const detail::work_item& w : running_) {
    const bool named = w.fn == &detail::resume_handle;
    void* fnptr = named ? detail::frame_fn(w.arg) : nullptr;
    const auto t0 = detail::now_ns();
    const auto c0 = prof && named ? thread_cpu_ns() : 0;
    w.fn(w.arg);
    const auto wall = detail::now_ns() - t0;
    if (prof && named) detail::profile_slice(fnptr, wall, thread_cpu_ns() - c0);
    if (stall_threshold_.count() > 0 && wall >= static_cast<std::uint64_t>(stall_threshold_.count())) {
      ++stall_.stalls;
      std::string name = named ? detail::fn_name(fnptr) : std::string("<callback>");
      if (stall_env_)
        std::fprintf(stderr, "concur: loop stalled %.3f ms in %s\n", static_cast<double>(wall) / 1e6,
                     name.c_str());
      if (std::chrono::nanoseconds(wall) > stall_.longest) {
        stall_.longest = std::chrono::nanoseconds(wall);
        stall_.task = std::move(name);
      }
    }
  }
  running_.clear();
  return true;
}

}  // namespace concur
