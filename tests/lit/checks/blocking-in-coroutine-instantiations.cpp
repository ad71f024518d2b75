// A line inside a template is one place to fix, however many instantiations
// reach it (issue 9, item 8): reported once, with a note that counts them.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <coroutine>
#include <string>
#include <thread>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

template <typename Message> struct mailbox {
  task deliver(Message m) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    // CHECK: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'mailbox<{{.*}}>::deliver' {{.*}} [concur-blocking-in-coroutine]
    // CHECK: :[[@LINE-2]]:5: note: reported once for 3 instantiations of this code
    co_return;
  }
};

void send_all() {
  mailbox<int>().deliver(1);
  mailbox<double>().deliver(2.0);
  mailbox<std::string>().deliver("three");
}
