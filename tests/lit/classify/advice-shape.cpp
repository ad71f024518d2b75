// The advice speaks of the loops the function has (issue 10): parallel_for
// for a loop of independent iterations, independent calls on a pool for a
// computation that is one chain of steps, gather for waits that could run
// at once and not for one wait after another on a stream, and threads for
// a constructor or destructor that waits (it cannot become a coroutine).
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query rationale %t.json scale_all | FileCheck %s --check-prefix=SPLIT
// RUN: %json-query rationale %t.json chain_hash | FileCheck %s --check-prefix=CHAIN
// RUN: %json-query rationale %t.json read_each | FileCheck %s --check-prefix=GATHER
// RUN: %json-query rationale %t.json read_to_end | FileCheck %s --check-prefix=STREAM
// RUN: %json-query rationale %t.json Drain::~Drain | FileCheck %s --check-prefix=DTOR

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <unistd.h>
#include <vector>

// CHECK: scale_all cpu threads
void scale_all(const std::vector<double> &in, std::vector<double> &out, double k) {
  for (std::size_t i = 0; i < in.size(); ++i)
    out[i] = in[i] * k + in[i] * in[i] / (k + 1.0);
}
// SPLIT: CPU-bound: run independent parts in parallel on a thread pool (concur::parallel_for){{.*}}

// Each round needs the hash of the last: nothing to split.
// CHECK-NEXT: chain_hash cpu threads
std::uint64_t chain_hash(const std::vector<unsigned char> &data) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < data.size(); ++i)
    h = (h ^ data[i]) * 1099511628211ull;
  return h;
}
// CHAIN: CPU-bound, but it has no loop of independent iterations to split {{.*}}run independent calls of it in parallel on a concur::thread_pool{{.*}}

// CHECK-NEXT: read_each io async
std::size_t read_each(const std::vector<int> &fds, char *buf, std::size_t size) {
  std::size_t total = 0;
  for (int fd : fds)
    total += std::size_t(::read(fd, buf, size));
  return total;
}
// GATHER: waits on I/O many times: run the waits concurrently on an event loop (concur::gather){{.*}}

// One read after another on one descriptor, until it ends.
// CHECK-NEXT: read_to_end io async
std::size_t read_to_end(int fd, char *buf, std::size_t size) {
  std::size_t total = 0;
  ssize_t n;
  while ((n = ::read(fd, buf, size)) > 0)
    total += std::size_t(n);
  return total;
}
// STREAM: its time goes to waiting: as a coroutine on an event loop it frees the thread while it waits

struct Drain {
  // CHECK-NEXT: Drain::~Drain io threads
  ~Drain() {
    for (int round = 0; round < 50 && pending > 0; ++round)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  int pending = 0;
};
// DTOR: its time goes to waiting, and a constructor or destructor cannot be a coroutine{{.*}}
