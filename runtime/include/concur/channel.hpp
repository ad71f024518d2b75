// concur/channel.hpp - a FIFO channel between tasks on one loop
// (asyncio.Queue), bounded or not, closable.
//
// Thread safety: not thread-safe: use it from the tasks of one loop (to feed
// it from other threads, post to the loop or use a thread_pool future).
// Blocking: send() suspends while the channel is full, receive() while it is
// empty; never the loop. Cancellation: a waiting send/receive throws
// operation_cancelled (a cancelled send did not deliver its value).
// Exceptions: send() on a closed channel throws channel_closed.
//
//   concur::channel<int> ch(16);
//   co_await ch.send(1);
//   ch.close();
//   while (auto v = co_await ch.receive()) use(*v);   // nullopt once closed and drained
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <stdexcept>
#include <utility>

#include "concur/detail/waitlist.hpp"

namespace concur {

class channel_closed : public std::runtime_error {
 public:
  channel_closed() : std::runtime_error("concur: channel closed") {}
};

template <class T>
class channel {
 public:
  /// capacity 0: unbounded.
  explicit channel(std::size_t capacity = 0) : cap_(capacity) {}
  channel(const channel&) = delete;
  channel& operator=(const channel&) = delete;

  std::size_t size() const noexcept { return buf_.size(); }
  bool closed() const noexcept { return closed_; }

  /// Closes: receivers drain what is buffered then get nullopt; waiting and
  /// later senders get channel_closed.
  void close() {
    closed_ = true;
    while (!receivers_.empty()) detail::waitlist::wake(receivers_.pop_front());
    while (!senders_.empty()) detail::waitlist::wake(senders_.pop_front());
  }

  bool try_send(T& v) {
    if (closed_) throw channel_closed();
    if (!receivers_.empty()) {
      auto* r = static_cast<recv_node*>(receivers_.pop_front());
      r->value.emplace(std::move(v));
      detail::waitlist::wake(r);
      return true;
    }
    if (cap_ == 0 || buf_.size() < cap_) {
      buf_.push_back(std::move(v));
      return true;
    }
    return false;
  }
  std::optional<T> try_receive() {
    if (buf_.empty()) return std::nullopt;
    std::optional<T> v(std::move(buf_.front()));
    buf_.pop_front();
    if (!senders_.empty()) {  // room now: take the first waiting sender's value
      auto* s = static_cast<send_node*>(senders_.pop_front());
      buf_.push_back(std::move(*s->value));
      s->delivered = true;
      detail::waitlist::wake(s);
    }
    return v;
  }

 private:
  struct send_node : detail::wait_node {
    T* value = nullptr;
    bool delivered = false;
  };
  struct recv_node : detail::wait_node {
    std::optional<T> value;
  };

 public:
  class send_awaiter {
   public:
    send_awaiter(channel& c, T v) : c_(&c), v_(std::move(v)) {}
    bool await_ready() { return c_->try_send(v_); }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> h) {
      node_.value = &v_;
      if (!c_->senders_.enqueue(&node_, h, detail::stop_token_of(h))) {
        node_.cancelled = true;
        return false;
      }
      return true;
    }
    void await_resume() {
      if (node_.cancelled) throw operation_cancelled();
      if (!node_.delivered && node_.value) throw channel_closed();
    }
    ~send_awaiter() { c_->senders_.unlink(&node_); }

   private:
    channel* c_;
    T v_;
    send_node node_;
  };
  class receive_awaiter {
   public:
    explicit receive_awaiter(channel& c) : c_(&c) {}
    bool await_ready() {
      if (!c_->buf_.empty()) {
        node_.value = c_->try_receive();
        return true;
      }
      return c_->closed_;
    }
    template <class P>
    bool await_suspend(std::coroutine_handle<P> h) {
      if (!c_->receivers_.enqueue(&node_, h, detail::stop_token_of(h))) {
        node_.cancelled = true;
        return false;
      }
      return true;
    }
    std::optional<T> await_resume() {
      if (node_.cancelled) throw operation_cancelled();
      return std::move(node_.value);
    }
    ~receive_awaiter() { c_->receivers_.unlink(&node_); }

   private:
    channel* c_;
    recv_node node_;
  };

  /// `co_await ch.send(v)`: waits while full.
  send_awaiter send(T v) { return send_awaiter(*this, std::move(v)); }
  /// `co_await ch.receive()`: the next value, or nullopt once closed and empty.
  receive_awaiter receive() { return receive_awaiter(*this); }

 private:
  std::size_t cap_;
  bool closed_ = false;
  std::deque<T> buf_;
  detail::waitlist senders_;
  detail::waitlist receivers_;
};

}  // namespace concur
