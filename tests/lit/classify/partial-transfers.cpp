// A loop that hands a call all that remains and goes round only when the
// call did part of it (a short write, EINTR) makes one transfer in the
// common case, not "I/O many times" to gather (issue 10: leveldb's
// PosixWritableFile::WriteUnbuffered made every Append look like a
// thousand writes). A loop that writes a chunk at a time makes many, one
// after another on one descriptor: nothing to gather either.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json write_all | FileCheck %s --check-prefix=ONCE
// RUN: %json-query rationale %t.json write_all | FileCheck %s --check-prefix=WHY-ONE
// RUN: %json-query evidence %t.json write_chunks | FileCheck %s --check-prefix=MANY
// RUN: %json-query rationale %t.json write_chunks | FileCheck %s --check-prefix=WHY-ONE

#include <cerrno>
#include <cstddef>
#include <unistd.h>

// The loop of leveldb's WriteUnbuffered.
// CHECK: write_all io async
bool write_all(int fd, const char *data, std::size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    data += written;
    size -= written;
  }
  return true;
}
// ONCE: calls 'write' (file-write, blocking)
// ONCE-NEXT: retry loop that goes round again only when an attempt falls short (another thread interfered, a transfer was partial): counted once, {{.*}}
// WHY-ONE: its time goes to waiting: as a coroutine on an event loop it frees the thread while it waits

// The same with the result subtracted directly, and the remainder a member.
struct Stream {
  int fd = -1;
  std::size_t pending = 0;
  const char *next = nullptr;
  // CHECK-NEXT: Stream::flush io async
  void flush() {
    while (pending != 0)
      pending -= std::size_t(::write(fd, next, pending));
  }
};

// 64 KiB at a time: the remainder is not what each call is given, so
// each round is a write of its own.
// CHECK-NEXT: write_chunks io async
void write_chunks(int fd, const char *data, std::size_t size) {
  while (size > 0) {
    std::size_t chunk = size < 65536 ? size : 65536;
    ssize_t written = ::write(fd, data, chunk);
    if (written <= 0)
      return;
    data += written;
    size -= std::size_t(written);
  }
}
// MANY: calls 'write' (file-write, blocking)
// MANY-NEXT: loop over 'size', size unknown: O(n) in 'size' (1000 iterations assumed), {{.*}}
