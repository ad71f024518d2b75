// concur/detail/unique_function.hpp - a move-only void() callable with a
// small buffer, so that a pool job needs no allocation of its own.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace concur::detail {

class unique_function {
  static constexpr std::size_t kInline = 48;
  struct vtable {
    void (*call)(void*);
    void (*move)(void* dst, void* src) noexcept;  // move-constructs, destroys src
    void (*destroy)(void*) noexcept;
  };
  template <class F, bool Inline>
  static constexpr vtable vt{
      [](void* p) { (*(Inline ? static_cast<F*>(p) : *static_cast<F**>(p)))(); },
      [](void* d, void* s) noexcept {
        if constexpr (Inline) {
          ::new (d) F(std::move(*static_cast<F*>(s)));
          static_cast<F*>(s)->~F();
        } else {
          *static_cast<F**>(d) = *static_cast<F**>(s);
        }
      },
      [](void* p) noexcept {
        if constexpr (Inline) static_cast<F*>(p)->~F();
        else delete *static_cast<F**>(p);
      }};

 public:
  unique_function() noexcept = default;
  template <class F, class D = std::decay_t<F>,
            class = std::enable_if_t<!std::is_same_v<D, unique_function>>>
  unique_function(F&& f) {  // NOLINT(google-explicit-constructor)
    if constexpr (sizeof(D) <= kInline && alignof(D) <= alignof(std::max_align_t) &&
                  std::is_nothrow_move_constructible_v<D>) {
      ::new (static_cast<void*>(buf_)) D(std::forward<F>(f));
      vt_ = &vt<D, true>;
    } else {
      *reinterpret_cast<D**>(buf_) = new D(std::forward<F>(f));
      vt_ = &vt<D, false>;
    }
  }
  unique_function(unique_function&& o) noexcept : vt_(o.vt_) {
    if (vt_) vt_->move(buf_, o.buf_), o.vt_ = nullptr;
  }
  unique_function& operator=(unique_function&& o) noexcept {
    if (this != &o) {
      reset();
      vt_ = o.vt_;
      if (vt_) vt_->move(buf_, o.buf_), o.vt_ = nullptr;
    }
    return *this;
  }
  ~unique_function() { reset(); }
  void reset() noexcept {
    if (vt_) vt_->destroy(buf_), vt_ = nullptr;
  }
  explicit operator bool() const noexcept { return vt_ != nullptr; }
  void operator()() { vt_->call(buf_); }

 private:
  alignas(std::max_align_t) unsigned char buf_[kInline];
  const vtable* vt_ = nullptr;
};

}  // namespace concur::detail
