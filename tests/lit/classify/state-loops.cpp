// Loops whose count the code does not show, told apart by what they run
// over: the object's own state (a waiter list it fills itself, a linked
// walk) is short, the caller's data grows. Loops with a bound hidden in a
// second condition, a macro's do/while(0) and a varint's shifts are small.
// Against the real standard library.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json Event::set | FileCheck %s --check-prefix=SET
// RUN: %json-query evidence %t.json total | FileCheck %s --check-prefix=TOTAL
// RUN: %json-query evidence %t.json decode | FileCheck %s --check-prefix=DECODE
// RUN: %json-query evidence %t.json unpark | FileCheck %s --check-prefix=UNPARK
// RUN: %json-query evidence %t.json Table::find_slot | FileCheck %s --check-prefix=SLOT
// RUN: %json-query evidence %t.json SharedGate::wake_shared | FileCheck %s --check-prefix=WAKE
// RUN: %json-query evidence %t.json Node::visit_successors | FileCheck %s --check-prefix=EDGES

#include <cstdint>
#include <functional>
#include <vector>

struct Waiter {
  Waiter *next;
  void (*resume)(Waiter *);
};

// CHECK: Event::set neutral none
// CHECK-NEXT: Event::wait neutral none
// CHECK-NEXT: Event::notify_all neutral none
struct Event {
  Waiter *head = nullptr;
  std::vector<std::function<void()>> handlers;
  void set() {
    for (Waiter *w = head; w != nullptr; w = w->next)
      w->resume(w);
    head = nullptr;
  }
  void wait(Waiter *w) {
    w->next = head;
    head = w;
  }
  void notify_all() {
    for (auto &h : handlers)
      h();
  }
};
// SET: loop over 'w', size unknown, not from the caller (8 iterations assumed), {{.*}}

// The caller's data, of unknown size: it grows with it.
// CHECK-NEXT: total cpu threads
long total(const std::vector<long> &values) {
  long sum = 0;
  for (long v : values)
    sum += v * 31 % 7;
  return sum;
}
// TOTAL: loop over 'values', size unknown: O(n) in 'values' (1000 iterations assumed), {{.*}}

#define ADD(x, y) do { (x) += (y); } while (0)

// CHECK-NEXT: decode neutral none
uint32_t decode(const uint8_t *p, const uint8_t *limit) {
  uint32_t result = 0;
  for (uint32_t shift = 0; shift <= 28 && p < limit; shift += 7) {
    uint32_t byte = *p++;
    ADD(result, (byte & 127) << shift);
    if (!(byte & 128))
      break;
  }
  return result;
}
// A macro's do/while(0) runs once.
// DECODE: loop over 'ADD(result, (byte & 127) << shift)' with 1 iteration, {{.*}}

// CHECK-NEXT: encode neutral none
int encode(uint64_t v, uint8_t *out) {
  int n = 0;
  while (v >= 128) {
    out[n++] = uint8_t(v | 128);
    v >>= 7;
  }
  out[n++] = uint8_t(v);
  return n;
}

// A short critical section is not waiting: locks do not decide the kind,
// even 500 of them in a loop; what is left is a few pushes: neutral.
// CHECK-NEXT: Queue::push neutral none
// CHECK-NEXT: Queue::post neutral none
// CHECK-NEXT: spread neutral none
#include <deque>
#include <mutex>
struct Queue {
  std::mutex m;
  std::deque<int> items;
  void push(int x) {
    std::lock_guard<std::mutex> hold(m);
    items.push_back(x);
  }
  void post(int x) { push(x); }
};
void spread(Queue &q) {
  for (int i = 0; i < 500; ++i)
    q.post(i);
}

// A walk over a list of parked threads, the link read into a local first
// (atomically, as taskflow's notifier does): the list of waiters, short.
// CHECK-NEXT: unpark neutral none
#include <atomic>
struct Parked {
  std::atomic<Parked *> next{nullptr};
  std::atomic<int> state{0};
};
void unpark(Parked *waiters) {
  Parked *next = nullptr;
  for (Parked *w = waiters; w; w = next) {
    next = w->next.load(std::memory_order_relaxed);
    w->state.store(1, std::memory_order_relaxed);
  }
}
// UNPARK: loop over 'w', size unknown, not from the caller (8 iterations assumed), {{.*}}

// A hash table's bucket chain searched through a pointer to the link (to
// insert or unlink in place): a walk over the table's own chain, short.
// CHECK-NEXT: Table::find_slot neutral none
struct Entry {
  Entry *next_hash = nullptr;
  unsigned hash = 0;
};
struct Table {
  Entry **buckets = nullptr;
  unsigned mask = 0;
  Entry **find_slot(unsigned hash) {
    Entry **slot = &buckets[hash & mask];
    while (*slot != nullptr && (*slot)->hash != hash)
      slot = &(*slot)->next_hash;
    return slot;
  }
};
// SLOT: loop over '*slot != nullptr && (*slot)->hash != ...', size unknown, not from the caller (8 iterations assumed), {{.*}}

// Pops the shared waiters off a list whose head is an atomic member, one by
// one, as libcoro's shared_mutex::wake_waiters does: `while (true)` over the
// object's own waiters, short.
// CHECK-NEXT: GateWaiter::resume neutral none
// CHECK-NEXT: SharedGate::wake_shared neutral none
struct GateWaiter {
  GateWaiter *next = nullptr;
  bool exclusive = false;
  bool resumed = false;
  void resume() { resumed = true; }
};
struct SharedGate {
  std::atomic<GateWaiter *> head{nullptr};
  std::atomic<int> users{0};
  void wake_shared() {
    while (true) {
      GateWaiter *w = head.load(std::memory_order_acquire);
      if (w == nullptr || w->exclusive)
        break;
      head.store(w->next, std::memory_order_release);
      users.fetch_add(1, std::memory_order_release);
      w->resume();
    }
  }
};
// WAKE: loop over 'true', size unknown, not from the caller (8 iterations assumed), {{.*}}

// A project's own container (taskflow's SmallVector of edges): a size() and
// indexing make it one, filled one edge per call of `precede`, so its loop
// is the object's state, short; the same container copied from the
// caller's data grows with it.
// CHECK-NEXT: SmallList<Node *>::size neutral none
// CHECK-NEXT: SmallList<Node *>::operator[] neutral none
// CHECK-NEXT: SmallList<Node *>::push_back neutral none
// CHECK-NEXT: Node::precede neutral none
// CHECK-NEXT: Node::visit_successors neutral none
// CHECK-NEXT: Batch::Batch neutral none
// CHECK-NEXT: Batch::checksum cpu threads
template <typename T> class SmallList {
public:
  std::size_t size() const { return count_; }
  T &operator[](std::size_t i) { return items_[i]; }
  void push_back(T v) {
    if (count_ < 16)
      items_[count_++] = v;
  }

private:
  T items_[16] = {};
  std::size_t count_ = 0;
};
struct Node {
  SmallList<Node *> edges;
  int visits = 0;
  void precede(Node *next) { edges.push_back(next); }
  void visit_successors() {
    for (std::size_t i = 0; i < edges.size(); ++i)
      edges[i]->visits += i;
  }
};
// EDGES: loop over 'edges.size()', size unknown, not from the caller (8 iterations assumed), {{.*}}
struct Batch {
  std::vector<long> values;
  explicit Batch(const std::vector<long> &input) : values(input) {}
  long checksum() const {
    long h = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
      h = h * 31 + values[i];
    return h;
  }
};
