// A measured profile decides the kinds of the functions it measured; the
// others keep their static verdicts.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.static.json
// RUN: %json-query functions %t.static.json | FileCheck %s --check-prefix=STATIC --match-full-lines
// RUN: %concur check --format=json --quiet --profile=%S/Inputs/merge.json %s -- %mockflags > %t.json
// RUN: %json-query shape %t.json | FileCheck %s --check-prefix=SHAPE
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query measured %t.json | FileCheck %s --check-prefix=MEASURED --match-full-lines
// RUN: %json-query evidence %t.json fetch | FileCheck %s --check-prefix=EVIDENCE
// RUN: %json-query rationale %t.json fetch | FileCheck %s --check-prefix=RATIONALE
// RUN: %json-query evidence %t.json confirm | FileCheck %s --check-prefix=CONFIRM
// RUN: %json-query rationale %t.json confirm | FileCheck %s --check-prefix=CONFIRM-RATIONALE
// RUN: %json-query profile %t.json | FileCheck %s --check-prefix=PROFILE
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// The checks judge with the merged verdicts: 'transform' was measured
// waiting, so calling it from a coroutine is no CPU work on the loop.
// RUN: %concur check --quiet %s -- %mockflags | FileCheck %s --check-prefix=TEXT-STATIC
// RUN: %concur check --quiet --profile=%S/Inputs/merge.json %s -- %mockflags \
// RUN:   | FileCheck %s --allow-empty --check-prefix=TEXT

#include <chrono>
#include <task.h>
#include <thread>

// Statically io (it sleeps); measured: 96% CPU, so cpu.
// STATIC: fetch io async
// CHECK: fetch cpu threads
// MEASURED: fetch cpu 1200 3100000000 2976000000 124000000
// EVIDENCE: measured: 96% CPU over 1200 calls, 3.1 s wall (merge.json)
// EVIDENCE-NEXT: calls 'std::this_thread::sleep_for'
// RATIONALE: CPU-bound{{.*}} (measured cpu; the static estimate was io)
void fetch() { std::this_thread::sleep_for(std::chrono::milliseconds(100)); }

// Not in the profile: unchanged.
// STATIC-NEXT: crunch cpu threads
// CHECK-NEXT: crunch cpu threads
long crunch() {
  long acc = 0;
  for (int i = 0; i < 4000; ++i)
    for (int j = 0; j < 4000; ++j)
      acc += (i ^ j) % 7;
  return acc;
}

// In the profile, but 20 us in all are too little to judge: unchanged.
// STATIC-NEXT: pause_once io async
// CHECK-NEXT: pause_once io async
void pause_once() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

// Statically cpu; measured waiting (1% CPU) through something the analysis
// does not see: io, and an API that only blocks wants threads.
// STATIC-NEXT: transform cpu threads
// CHECK-NEXT: transform io threads
// MEASURED-NEXT: transform io 40 2000000000 20000000 0
long transform(int n) {
  long acc = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      acc += (i * j) % 7;
  return acc;
}

// Statically cpu, measured cpu: confirmed, no note about the estimate.
// STATIC-NEXT: confirm cpu threads
// CHECK-NEXT: confirm cpu threads
// MEASURED-NEXT: confirm cpu 3 900000000 880000000 20000000
// CONFIRM: measured: 98% CPU over 3 calls, 900 ms wall (merge.json)
// CONFIRM-NEXT: loop with 5000 iterations
// CONFIRM-RATIONALE-NOT: static estimate
long confirm() {
  long acc = 0;
  for (int i = 0; i < 5000; ++i)
    for (int j = 0; j < 5000; ++j)
      acc += (i | j) % 5;
  return acc;
}

// STATIC-NEXT: handle mixed threads
// CHECK-NEXT: handle mixed threads
// TEXT-NOT: warning:
// TEXT-STATIC: :[[@LINE+3]]:12: warning: CPU-bound call 'transform' {{.*}} [concur-cpu-in-event-loop]
task<> handle() {
  co_await task<>();
  long r = transform(5000);
  (void)r;
}

// Two entries name nothing analysed (the runtime's own coroutine, an
// address without a symbol): ignored, counted.
// PROFILE: matched 4 unmatched 2
// SHAPE: shape ok
// JSON: "confidence": 0.95,
// JSON-NEXT: "measured": {
// JSON-NEXT:   "kind": "cpu",
// JSON-NEXT:   "calls": 1200,
// JSON-NEXT:   "wall_ns": 3100000000,
// JSON-NEXT:   "cpu_ns": 2976000000,
// JSON-NEXT:   "blocked_ns": 124000000
// JSON-NEXT: },
// JSON-NEXT: "evidence": [
// JSON: "profile": {
// JSON-NEXT: "file": "{{.*}}merge.json",
// JSON-NEXT: "matched": 4,
// JSON-NEXT: "unmatched": 2
