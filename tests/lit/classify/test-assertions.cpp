// A test framework's assertion reports only when it fails: a passing check
// is a comparison and some bookkeeping. doctest's ResultBuilder::log (below,
// in the shape of doctest 2.4: reporters that escape XML, a debugger check
// that reads /proc/self/status) is catalogued as `cold` and not walked, so
// a test that asserts is judged by what it tests (issue 10: 172 of
// cppcoro's tests came out mixed through it). The same machinery under a
// name the catalogue does not know is walked and charged.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <coroutine>
#include <fstream>
#include <string>
#include <vector>

namespace report {
struct Result {
  bool failed = false;
  std::string expression;
};
inline std::string escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}
inline bool debuggerActive() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.compare(0, 11, "TracerPid:\t") == 0)
      return line.size() > 11 && line[11] != '0';
  return false;
}
inline bool logResult(Result &r) {
  if (r.failed)
    r.expression = escape(r.expression);
  return r.failed && debuggerActive();
}
} // namespace report

namespace doctest::detail {
struct ResultBuilder : report::Result {
  bool log() { return report::logResult(*this); }
};
} // namespace doctest::detail

namespace homegrown {
struct Checker : report::Result {
  bool log() { return report::logResult(*this); }
};
} // namespace homegrown

// CHECK: doctest::detail::ResultBuilder::log {{.*}}
// CHECK: homegrown::Checker::log io threads

// CHECK-NEXT: test_sum neutral none
void test_sum() {
  std::vector<int> v{1, 2, 3};
  doctest::detail::ResultBuilder rb;
  rb.failed = !(v[0] + v[1] + v[2] == 6);
  rb.expression = "v[0] + v[1] + v[2] == 6";
  rb.log();
}

// CHECK-NEXT: test_sum_homegrown io threads
void test_sum_homegrown() {
  std::vector<int> v{1, 2, 3};
  homegrown::Checker c;
  c.failed = !(v[0] + v[1] + v[2] == 6);
  c.log();
}

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A coroutine that asserts: judged by what it does, not by the report.
// CHECK: test_in_coroutine neutral none
task test_in_coroutine(int value) {
  doctest::detail::ResultBuilder rb;
  rb.failed = value != 42;
  rb.log();
  co_return;
}

// CHECK-NEXT: test_in_coroutine_homegrown io async
task test_in_coroutine_homegrown(int value) {
  homegrown::Checker c;
  c.failed = value != 42;
  c.log();
  co_return;
}
