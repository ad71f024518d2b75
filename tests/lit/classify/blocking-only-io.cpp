// The decision table: I/O an event loop can wait for (sockets, pipes) is
// advised async; I/O through calls that only block (regular files, fsync,
// a path's metadata: catalogue `only_blocks`) is advised threads for code
// that is not a coroutine, since a loop could only hand it to a thread
// (issue 10: leveldb's table reads and log writes were advised gather).
// A coroutine stays async: the blocking check tells it what to await.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <coroutine>
#include <cstddef>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

// CHECK: read_blocks io threads
long read_blocks(int fd, char *buf, std::size_t block, int count) {
  long total = 0;
  for (int i = 0; i < count; ++i)
    total += pread(fd, buf, block, off_t(i) * off_t(block));
  return total;
}

// CHECK-NEXT: append_record io threads
bool append_record(const char *path, const char *data, std::size_t n) {
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
  if (fd < 0)
    return false;
  bool ok = write(fd, data, n) == ssize_t(n) && fsync(fd) == 0;
  close(fd);
  return ok;
}

// CHECK-NEXT: file_size io threads
long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? long(st.st_size) : -1;
}

// CHECK-NEXT: echo_requests io async
void echo_requests(int sock, int count) {
  char buf[512];
  for (int i = 0; i < count; ++i) {
    ssize_t n = recv(sock, buf, sizeof buf, 0);
    if (n <= 0)
      return;
    send(sock, buf, size_t(n), 0);
  }
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

// CHECK: load_in_coroutine io async
task load_in_coroutine(int fd, char *buf) {
  pread(fd, buf, 4096, 0);
  co_return;
}
