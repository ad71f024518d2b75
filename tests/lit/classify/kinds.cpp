// Each function's kind and recommendation, from its own work.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <chrono>
#include <thread>
#include <unistd.h>

// CHECK: step io async
void step() { std::this_thread::sleep_for(std::chrono::milliseconds(100)); }

// CHECK-NEXT: handle io async
int handle(int fd) {
  char buf[64];
  return int(read(fd, buf, sizeof buf));
}

// CHECK-NEXT: work cpu threads
long work() {
  long acc = 0;
  for (int i = 0; i < 4000; ++i)
    for (int j = 0; j < 4000; ++j)
      acc += (i ^ j) % 7;
  return acc;
}

// A constant bound reaching a parameter from the only call site.
// CHECK-NEXT: run_one cpu threads
long run_one(int n) {
  long acc = 0;
  for (int i = 0; i < n; ++i)
    acc += i * i % 13;
  return acc;
}

// Waits and computes in comparable measure.
// CHECK-NEXT: process mixed threads
long process() {
  long acc = 0;
  for (int round = 0; round < 10; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i < 10000000; ++i)
      acc += i % 3;
  }
  return acc;
}

// CHECK-NEXT: get neutral none
int get(int x) { return x + 1; }

// CHECK-NEXT: small neutral none
int small() {
  int acc = 0;
  for (int i = 0; i < 10; ++i)
    acc += i;
  return acc;
}

// A large constant plus a value known only at run time is at least the constant.
// CHECK-NEXT: task_a cpu threads
long task_a(long n) {
  long acc = 0;
  for (long i = 0; i < n; ++i)
    acc ^= i * 2654435761u;
  return acc;
}

// CHECK-NEXT: main cpu threads
int main(int argc, char **) { return int(run_one(300000000) + small() + task_a(200000000 + argc)); }
