// Confidence says how often a verdict of its kind agrees with the truth.
// Calibrated on bench/real's judged samples (issue 10), a verdict is less
// sure when it rests on:
//   - an override (or a stored callable) the analysis picked as the heaviest
//     of several candidates: x0.8;
//   - waiting for another thread, which may have finished already (a ready
//     future): x0.85.
// The base is 0.9 for a verdict on the function's own calls.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query confidence %t.json | FileCheck %s --match-full-lines

#include <fcntl.h>
#include <future>
#include <unistd.h>

// CHECK: own_read io 0.9
int own_read(int fd, char *buf) { return int(read(fd, buf, 4096)); }

struct Sink {
  virtual ~Sink() = default;
  virtual void put(const char *data, int n) = 0;
};
struct FileSink : Sink {
  int fd = -1;
  void put(const char *data, int n) override { (void)write(fd, data, size_t(n)); }
};
struct CountingSink : Sink {
  long total = 0;
  void put(const char *, int n) override { total += n; }
};

// CHECK: FileSink::put io 0.9
// CHECK: CountingSink::put neutral 0.9

// One of two overrides writes; which one runs is not in this function.
// CHECK-NEXT: emit io 0.72
void emit(Sink &sink, const char *line, int n) { sink.put(line, n); }

// Waits for a result another thread produces.
// CHECK: await_result io 0.77
int await_result(std::future<int> &result) { return result.get(); }

// Two of its three waits are emit's picked override.
// CHECK-NEXT: main io 0.72
int main() {
  FileSink file;
  CountingSink counter;
  emit(file, "x", 1);
  emit(counter, "y", 1);
  std::promise<int> p;
  std::future<int> f = p.get_future();
  p.set_value(1);
  return await_result(f);
}
