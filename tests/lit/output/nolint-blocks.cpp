// Suppression blocks as clang-tidy reads them: a block closes only with an
// END naming the same checks; an unmatched BEGIN or END suppresses
// nothing and is an error (exit 1), never a silent suppression of the rest
// of the file. The markers in the expected lines are split, so that the tool
// does not read them as markers.
// RUN: %concur check --quiet %s -- %mockflags > %t; echo "exit=$?" >> %t
// RUN: FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: < %t

#include <chrono>
#include <task.h>
#include <thread>

using namespace std::chrono_literals;

// NOLINTBEGIN(concur-blocking-in-coroutine)
task<> quiet() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
// NOLINTEND(concur-blocking-in-coroutine)

// A mismatched END does not close the block: both markers are errors, and
// the call between them is reported.
// NOLINTBEGIN(concur-blocking-in-coroutine)
// CHECK: nolint-blocks.cpp:[[@LINE-1]]:4: error: unmatched 'NOLINT{{B}}EGIN' comment without a subsequent 'NOLINT{{E}}ND' comment [concur-nolint]
task<> loud() {
  std::this_thread::sleep_for(1ms);
  // CHECK: nolint-blocks.cpp:[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for'
  co_return;
}
// NOLINTEND(concur-lock-across-suspend)
// CHECK: nolint-blocks.cpp:[[@LINE-1]]:4: error: unmatched 'NOLINT{{E}}ND' comment without a previous 'NOLINT{{B}}EGIN' comment [concur-nolint]

// The rest of the file is not silenced.
task<> later() {
  std::this_thread::sleep_for(1ms);
  // CHECK: nolint-blocks.cpp:[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for'
  co_return;
}
// CHECK: exit=1
