// concur/serialize.hpp - the `serializer<T>` customisation point used to pass
// process_pool arguments and results between processes.
//
// Built-ins: arithmetic types and enums, std::string, std::vector, std::map,
// std::unordered_map, std::optional, std::pair, std::tuple, and any other
// trivially copyable type (copied bytewise; pointers are refused). For your
// own types specialise concur::serializer:
//
//   struct point { std::string name; double x, y; };
//   template <> struct concur::serializer<point> {
//     static void write(concur::writer& w, const point& p) { w.put(p.name); w.put(p.x); w.put(p.y); }
//     static point read(concur::reader& r) {
//       point p; p.name = r.get<std::string>(); p.x = r.get<double>(); p.y = r.get<double>(); return p; }
//   };
//
// Thread safety: writer/reader are plain values. Exceptions: reader throws
// std::out_of_range on a truncated message.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace concur {

template <class T, class Enable = void>
struct serializer;

class writer {
 public:
  void write_bytes(const void* p, std::size_t n) { buf_.append(static_cast<const char*>(p), n); }
  template <class T>
  void put(const T& v) {
    serializer<T>::write(*this, v);
  }
  std::string& buffer() noexcept { return buf_; }

 private:
  std::string buf_;
};

class reader {
 public:
  reader(const char* p, std::size_t n) noexcept : p_(p), end_(p + n) {}
  void read_bytes(void* out, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) throw std::out_of_range("concur::reader: truncated message");
    std::memcpy(out, p_, n);
    p_ += n;
  }
  template <class T>
  T get() {
    return serializer<T>::read(*this);
  }
  std::size_t remaining() const noexcept { return static_cast<std::size_t>(end_ - p_); }

 private:
  const char* p_;
  const char* end_;
};

// Arithmetic, enums and other trivially copyable types (but not pointers).
template <class T>
struct serializer<T, std::enable_if_t<std::is_trivially_copyable_v<T> && !std::is_pointer_v<T> &&
                                      !std::is_member_pointer_v<T>>> {
  static void write(writer& w, const T& v) { w.write_bytes(&v, sizeof v); }
  static T read(reader& r) {
    T v;
    r.read_bytes(&v, sizeof v);
    return v;
  }
};

template <>
struct serializer<std::string> {
  static void write(writer& w, const std::string& s) {
    w.put<std::uint64_t>(s.size());
    w.write_bytes(s.data(), s.size());
  }
  static std::string read(reader& r) {
    auto n = r.get<std::uint64_t>();
    if (n > r.remaining()) throw std::out_of_range("concur::reader: truncated string");
    std::string s(n, '\0');
    r.read_bytes(s.data(), n);
    return s;
  }
};

template <class T, class A>
struct serializer<std::vector<T, A>> {
  static void write(writer& w, const std::vector<T, A>& v) {
    w.put<std::uint64_t>(v.size());
    if constexpr (std::is_trivially_copyable_v<T> && !std::is_pointer_v<T>)
      w.write_bytes(v.data(), v.size() * sizeof(T));
    else
      for (const auto& x : v) w.put(x);
  }
  static std::vector<T, A> read(reader& r) {
    auto n = r.get<std::uint64_t>();
    std::vector<T, A> v;
    if constexpr (std::is_trivially_copyable_v<T> && !std::is_pointer_v<T>) {
      if (n > r.remaining() / (sizeof(T) ? sizeof(T) : 1)) throw std::out_of_range("concur::reader: truncated vector");
      v.resize(n);
      r.read_bytes(v.data(), n * sizeof(T));
    } else {
      for (std::uint64_t i = 0; i < n; ++i) v.push_back(r.get<T>());
    }
    return v;
  }
};

template <class M>
struct map_serializer {
  static void write(writer& w, const M& m) {
    w.put<std::uint64_t>(m.size());
    for (const auto& [k, v] : m) w.put(k), w.put(v);
  }
  static M read(reader& r) {
    auto n = r.get<std::uint64_t>();
    M m;
    for (std::uint64_t i = 0; i < n; ++i) {
      auto k = r.get<typename M::key_type>();
      m.emplace(std::move(k), r.get<typename M::mapped_type>());
    }
    return m;
  }
};
template <class K, class V, class C, class A>
struct serializer<std::map<K, V, C, A>> : map_serializer<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct serializer<std::unordered_map<K, V, H, E, A>> : map_serializer<std::unordered_map<K, V, H, E, A>> {};

template <class T>
struct serializer<std::optional<T>, std::enable_if_t<!std::is_trivially_copyable_v<std::optional<T>>>> {
  static void write(writer& w, const std::optional<T>& v) {
    w.put<bool>(v.has_value());
    if (v) w.put(*v);
  }
  static std::optional<T> read(reader& r) {
    if (!r.get<bool>()) return std::nullopt;
    return r.get<T>();
  }
};

template <class... T>
struct serializer<std::tuple<T...>, std::enable_if_t<!std::is_trivially_copyable_v<std::tuple<T...>>>> {
  static void write(writer& w, const std::tuple<T...>& t) {
    std::apply([&](const auto&... x) { (w.put(x), ...); }, t);
  }
  static std::tuple<T...> read(reader& r) { return std::tuple<T...>{r.get<T>()...}; }
};

template <class A, class B>
struct serializer<std::pair<A, B>, std::enable_if_t<!std::is_trivially_copyable_v<std::pair<A, B>>>> {
  static void write(writer& w, const std::pair<A, B>& p) { w.put(p.first), w.put(p.second); }
  static std::pair<A, B> read(reader& r) {
    A a = r.get<A>();
    return {std::move(a), r.get<B>()};
  }
};

/// True when T can cross a process boundary.
template <class T>
concept serializable = requires(writer& w, reader& r, const T& v) {
  serializer<T>::write(w, v);
  { serializer<T>::read(r) } -> std::convertible_to<T>;
};

}  // namespace concur
