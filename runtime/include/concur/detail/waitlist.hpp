// concur/detail/waitlist.hpp - an intrusive FIFO of suspended coroutines with
// cancellation, shared by semaphore and channel (loop thread only).
#pragma once

#include <coroutine>
#include <stdexcept>
#include <stop_token>

#include "concur/event_loop.hpp"

namespace concur::detail {

class waitlist;

struct wait_node {
  wait_node* prev = nullptr;
  wait_node* next = nullptr;
  std::coroutine_handle<> h;
  event_loop* loop = nullptr;
  bool linked = false;
  bool cancelled = false;
  waitlist* owner = nullptr;
  cancel_hook hook;
};

class waitlist {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  wait_node* front() const noexcept { return head_; }
  // Links n and arms its cancellation; returns false if already stopped.
  bool enqueue(wait_node* n, std::coroutine_handle<> h, const std::stop_token& st) {
    if (st.stop_requested()) return false;
    n->h = h;
    n->loop = event_loop::current();
    if (!n->loop) throw std::logic_error("concur: awaited outside an event loop");
    n->prev = tail_;
    n->next = nullptr;
    (tail_ ? tail_->next : head_) = n;
    tail_ = n;
    n->linked = true;
    n->owner = this;
    n->hook.arm(*n->loop, st, &on_cancel, n);
    return true;
  }
  void unlink(wait_node* n) noexcept {
    if (!n->linked) return;
    (n->prev ? n->prev->next : head_) = n->next;
    (n->next ? n->next->prev : tail_) = n->prev;
    n->linked = false;
  }
  // Removes the first node and schedules it (the caller filled its result).
  wait_node* pop_front() noexcept {
    wait_node* n = head_;
    unlink(n);
    return n;
  }
  static void wake(wait_node* n) {
    n->hook.disarm();
    n->loop->schedule(n->h);
  }

 private:
  static void on_cancel(void* p) {
    auto* n = static_cast<wait_node*>(p);
    if (!n->linked) return;
    n->owner->unlink(n);
    n->cancelled = true;
    n->loop->schedule(n->h);
  }
  wait_node* head_ = nullptr;
  wait_node* tail_ = nullptr;
};

}  // namespace concur::detail
