// concur/profiler.hpp - per-task wall, CPU and blocked time, as JSON.
//
// Switched on by the environment (CONCUR_PROFILE=path.json: enabled at start,
// written at exit) or by the API (profiler::enable(), profiler::write_json()).
// What is measured, keyed by function name:
//  - coroutines (task<T> on an event loop): wall = first resume to end;
//    cpu = thread CPU time while resumed (CLOCK_THREAD_CPUTIME_ID);
//    blocked = time resumed but off the CPU, i.e. blocking the loop;
//  - thread_pool jobs and to_thread calls: wall, cpu, blocked = wall - cpu;
//  - process_pool tasks: wall and cpu measured in the worker.
// Names come from the symbol of the coroutine or function (dladdr; the
// concur::concur target links executables with -rdynamic) or the demangled
// type of a lambda.
//
// Thread safety: every member is thread-safe. Blocking: record() takes a
// mutex briefly; write_json() writes a file. Exceptions: write_json throws
// std::system_error when the file cannot be written.
//
//   concur::profiler::enable();
//   concur::run(main_task());
//   concur::profiler::write_json("profile.json");
//
// JSON: {"version":1,"functions":{"name":{"kind":"coroutine","calls":N,
//        "wall_ns":..,"cpu_ns":..,"blocked_ns":..}, ...}}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concur {

class profiler {
 public:
  struct entry {
    std::string name;
    std::string kind;  // "coroutine", "thread" or "process"
    std::uint64_t calls = 0;
    std::uint64_t wall_ns = 0;
    std::uint64_t cpu_ns = 0;
    std::uint64_t blocked_ns = 0;
  };

  static void enable() noexcept;
  static void disable() noexcept;
  static bool enabled() noexcept;
  /// Adds one finished call of `name`.
  static void record(std::string_view name, std::string_view kind, std::uint64_t wall_ns,
                     std::uint64_t cpu_ns, std::uint64_t blocked_ns);
  /// Everything recorded so far, sorted by name.
  static std::vector<entry> snapshot();
  static void reset();
  static std::string to_json();
  static void write_json(const std::string& path);

  /// Measures the enclosing scope on the current thread as one call of `name`.
  class scope {
   public:
    explicit scope(std::string_view name) noexcept;
    scope(const scope&) = delete;
    scope& operator=(const scope&) = delete;
    ~scope();

   private:
    std::string_view name_;
    std::uint64_t wall0_ = 0;
    std::uint64_t cpu0_ = 0;
  };
};

namespace detail {
std::uint64_t thread_cpu_now_ns() noexcept;
}

}  // namespace concur
