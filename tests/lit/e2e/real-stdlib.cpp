// The real standard library (no mocks): a file that includes <thread>,
// <coroutine>, <fstream> parses, and the JSON document has the documented shape.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query shape %t.json | FileCheck %s --check-prefix=SHAPE
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// SHAPE: shape ok

#include <chrono>
#include <coroutine>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Reading a regular file only blocks (no event loop waits for it): threads.
// CHECK: step io threads
std::string step(const char *path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// CHECK-NEXT: handle io async
void handle() { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }

// CHECK-NEXT: work cpu threads
double work() {
  std::vector<double> v(2000000, 1.0);
  double acc = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    acc += v[i] * 1.0001;
  return acc;
}

std::mutex m;
int counter;
// CHECK-NEXT: bump neutral none
void bump() {
  std::lock_guard<std::mutex> guard(m);
  ++counter;
}

// CHECK-NEXT: run_one io threads
int run_one() {
  auto f = std::async(std::launch::async, [] { return 42; });
  return f.get();
}
// CHECK-NEXT: run_one::(lambda at {{.*}}real-stdlib.cpp:[[@LINE-3]]:43) neutral none
