// Stored callables are not calls (issue 9, item 6): a lambda kept in a
// std::function, a container of handlers or a data member runs where that
// place is invoked, and its work is charged there, not to the function that
// stores it.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <functional>
#include <utility>
#include <vector>

unsigned crunch(unsigned seed, unsigned rounds) {
  for (unsigned i = 0; i < rounds; ++i)
    seed = seed * 1103515245u + 12345u;
  return seed;
}

struct Bus {
  std::vector<std::function<void()>> handlers;
  std::function<void()> on_close;

  void subscribe(std::function<void()> handler) { handlers.push_back(std::move(handler)); }
  void publish() {
    for (auto &handler : handlers)
      handler();
  }
  void close() { on_close(); }
};

struct Timer {
  explicit Timer(std::function<void()> cb) : cb_(std::move(cb)) {}
  void expire() { cb_(); }
  std::function<void()> cb_;
};

unsigned sink;

// CHECK: crunch cpu threads
// CHECK-NEXT: Bus::subscribe neutral none
// CHECK-NEXT: Bus::publish cpu threads
// CHECK-NEXT: Bus::close cpu threads
// CHECK-NEXT: Timer::Timer neutral none
// CHECK-NEXT: Timer::expire cpu threads

// Storing runs nothing: these only keep the lambdas.
// CHECK-NEXT: wire neutral none
// CHECK-NEXT: {{[a-z_]+}}::(lambda at {{.*}}stored-callables.cpp:[[@LINE+3]]:{{[0-9]+}}) cpu threads
// CHECK-NEXT: {{[a-z_]+}}::(lambda at {{.*}}stored-callables.cpp:[[@LINE+3]]:{{[0-9]+}}) cpu threads
void wire(Bus &bus) {
  bus.subscribe([] { sink = crunch(sink, 50000000); });
  bus.on_close = [] { sink = crunch(sink, 40000000); };
}

// CHECK-NEXT: arm neutral none
// CHECK-NEXT: {{[a-z_]+}}::(lambda at {{.*}}stored-callables.cpp:[[@LINE+2]]:{{[0-9]+}}) cpu threads
Timer arm() {
  return Timer([] { sink = crunch(sink, 30000000); });
}

// A local std::function called in the same function runs its lambda.
// CHECK-NEXT: local_callback cpu threads
// CHECK-NEXT: {{[a-z_]+}}::(lambda at {{.*}}stored-callables.cpp:[[@LINE+2]]:{{[0-9]+}}) cpu threads
void local_callback() {
  std::function<void()> step = [] { sink = crunch(sink, 20000000); };
  step();
}

// CHECK-NEXT: main neutral none
int main() {
  Bus bus;
  wire(bus);
  Timer timer = arm();
  return int(sink);
}
