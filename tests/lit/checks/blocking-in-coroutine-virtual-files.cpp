// Files of /proc and /sys are served from kernel memory: opening and reading
// them waits for no device (issue 9: a test framework's failure path reads
// /proc/self/status, and every assertion in a coroutine was reported). Any
// other path, or a path that is not a literal, is file I/O as before.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <coroutine>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <unistd.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

bool traced() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("TracerPid:", 0) == 0)
      return line.size() > 11 && line[11] != '0';
  return false;
}

long open_files_limit() {
  std::ifstream limits;
  limits.open("/proc/self/limits");
  std::string word;
  limits >> word;
  return long(word.size());
}

int cpu_count() {
  int fd = open("/sys/devices/system/cpu/online", O_RDONLY);
  char buf[64];
  long n = read(fd, buf, sizeof buf);
  close(fd);
  return int(n);
}

// --- silent ------------------------------------------------------------------
task check_value(int v) {
  if (v < 0 && traced())
    co_return;
  long limit = open_files_limit();
  int cpus = cpu_count();
  (void)limit;
  (void)cpus;
}

// --- fires: a real file, or a path that is not a literal ---------------------
task load_config(const std::string &path) {
  std::ifstream in("/etc/app.conf");
  // CHECK: :[[@LINE-1]]:17: warning: blocking call 'std::basic_ifstream<char>::basic_ifstream' inside coroutine 'load_config' {{.*}} [concur-blocking-in-coroutine]
  std::ifstream other(path);
  // CHECK: :[[@LINE-1]]:17: warning: blocking call 'std::basic_ifstream<char>::basic_ifstream' inside coroutine 'load_config' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}
