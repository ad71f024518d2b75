// concur-blocking-in-coroutine on the real standard library: the blocking
// families of checks.md reach through libstdc++'s own spellings.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <fstream>
#include <future>
#include <mutex>
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

std::mutex m;
std::condition_variable cv;

task handle(std::future<int> f, std::thread &t) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for{{.*}}' inside coroutine 'handle' stalls the event loop [concur-blocking-in-coroutine]
  std::ifstream in("/etc/hostname");
  // CHECK: :[[@LINE-1]]:17: warning: blocking call {{.*}}basic_ifstream{{.*}} inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  std::string line;
  std::getline(in, line);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::getline{{.*}}' inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:32: warning: blocking call {{.*}}unique_lock{{.*}} inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  cv.wait(lock);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::condition_variable::wait' inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  f.get();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call {{.*}}get' inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  t.join();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::thread::join' inside coroutine 'handle' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

// A string stream is not a file: getline on it does not block.
#include <sstream>
task parse(std::string text) {
  std::istringstream in(text);
  std::string word;
  std::getline(in, word);
  co_return;
}
