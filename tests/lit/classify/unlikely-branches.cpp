// What a branch marked as rarely taken does is amortised over the calls
// that do not take it: a queue that grows by doubling when full copies its
// elements once per doubling, not once per push (taskflow's work-stealing
// queue; issue 10). [[unlikely]], the other branch of [[likely]] and
// __builtin_expect(c, 0) mark it, and so do error paths: a branch that
// ends by throwing, a catch handler. The same branch unmarked is charged.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Ring {
  long *slots = nullptr;
  std::size_t capacity = 0;
  std::size_t size = 0;
  explicit Ring(std::size_t initial) : slots(new long[initial]), capacity(initial) {}

  void grow() {
    long *bigger = new long[capacity * 2];
    for (std::size_t i = 0; i < capacity; ++i)
      bigger[i] = slots[i];
    delete[] slots;
    slots = bigger;
    capacity *= 2;
  }
  // CHECK: Ring::Ring neutral none
  // CHECK-NEXT: Ring::grow cpu threads
  // CHECK-NEXT: Ring::push neutral none
  void push(long v) {
    if (size == capacity) [[unlikely]]
      grow();
    slots[size++] = v;
  }
  // CHECK-NEXT: Ring::push_likely neutral none
  void push_likely(long v) {
    if (size < capacity) [[likely]] {
      slots[size++] = v;
    } else {
      grow();
      slots[size++] = v;
    }
  }
  // CHECK-NEXT: Ring::push_expect neutral none
  void push_expect(long v) {
    if (__builtin_expect(size == capacity, 0))
      grow();
    slots[size++] = v;
  }
  // CHECK-NEXT: Ring::push_unmarked cpu threads
  void push_unmarked(long v) {
    if (size == capacity)
      grow();
    slots[size++] = v;
  }
};

// An error path marked unlikely: its write is not the function's I/O.
// CHECK-NEXT: checked_add neutral none
long checked_add(long a, long b) {
  long r;
  if (__builtin_add_overflow(a, b, &r)) [[unlikely]] {
    std::fputs("overflow\n", stderr);
    return 0;
  }
  return r;
}

// CHECK-NEXT: checked_add_unmarked io threads
long checked_add_unmarked(long a, long b) {
  long r;
  if (__builtin_add_overflow(a, b, &r)) {
    std::fputs("overflow\n", stderr);
    return 0;
  }
  return r;
}

// Error paths: a check that reports and throws, a handler that reports.
// CHECK-NEXT: checked_div neutral none
long checked_div(long a, long b) {
  if (b == 0) {
    std::fputs("division by zero\n", stderr);
    throw std::invalid_argument("division by zero: " + std::to_string(a));
  }
  return a / b;
}
// CHECK-NEXT: parse_port neutral none
int parse_port(const std::string &text) {
  try {
    return std::stoi(text);
  } catch (const std::exception &e) {
    std::fputs(e.what(), stderr);
    return -1;
  }
}
