// A virtual call runs the overrides of the classes the program constructs
// (rapid type analysis), not every override in the hierarchy (issue 9: an
// in-memory test picked up fwrite from a file-backed override it never
// made). A finding that rests on an override picked this way says so. When
// the program constructs none of the classes with an override, the objects
// come from code the analysis does not see and every override is assumed.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <coroutine>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// --- Only the in-memory sink is ever made: no finding. -------------------
struct Sink {
  virtual ~Sink() = default;
  virtual void append(const std::string &data) = 0;
};

struct FileSink : Sink {
  explicit FileSink(std::FILE *f) : file(f) {}
  void append(const std::string &data) override { std::fwrite(data.data(), 1, data.size(), file); }
  std::FILE *file;
};

struct MemorySink : Sink {
  void append(const std::string &data) override { bytes.insert(bytes.end(), data.begin(), data.end()); }
  std::vector<char> bytes;
};

task record(Sink &sink, std::string line) {
  sink.append(line);
  co_return;
}

void in_memory_test() {
  auto sink = std::make_unique<MemorySink>(); // made inside make_unique's body
  record(*sink, "x");
}

// --- A constructed override writes to a descriptor: reported, with a note.
struct Channel {
  virtual ~Channel() = default;
  virtual void send(const char *p, unsigned n) = 0;
};

struct PipeChannel : Channel {
  explicit PipeChannel(int fd) : fd(fd) {}
  void send(const char *p, unsigned n) override { ::write(fd, p, n); }
  int fd;
};

struct NullChannel : Channel {
  void send(const char *, unsigned) override {}
};

task publish(Channel *out) {
  out->send("hi", 2);
  // CHECK: [[@LINE-1]]:3: warning: blocking call 'write' inside coroutine 'publish' stalls the event loop [concur-blocking-in-coroutine]
  // CHECK-NEXT: [[@LINE-2]]:3: note: virtual call to 'Channel::send' taken into the override 'PipeChannel::send', of a class the program constructs; 1 other override may run instead
  // CHECK-NEXT: note: 'PipeChannel::send' calls 'write' here
  co_return;
}

void wire(int fd) {
  PipeChannel pipe(fd);
  NullChannel none;
  publish(&pipe);
  publish(&none);
}

// --- No class with an override is constructed here: every override may run.
struct Store {
  virtual ~Store() = default;
  virtual void flush() = 0;
};

struct DiskStore : Store {
  void flush() override { ::fsync(3); }
};

Store *open_store(); // made elsewhere

task checkpoint() {
  open_store()->flush();
  // CHECK: [[@LINE-1]]:3: warning: blocking call 'fsync' inside coroutine 'checkpoint' stalls the event loop [concur-blocking-in-coroutine]
  // CHECK-NEXT: [[@LINE-2]]:3: note: virtual call to 'Store::flush' taken into the override 'DiskStore::flush' (no class with an override is constructed where the analysis sees it: every override is assumed)
  co_return;
}

// --- A call through a base that is final for its static type is direct. ---
struct Quiet final : Channel {
  void send(const char *, unsigned) override {}
};

task quiet(Quiet &q) {
  q.send("x", 1); // Quiet::send: nothing blocks
  co_return;
}
