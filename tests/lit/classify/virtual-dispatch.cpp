// Virtual calls in the classifier (issue 9, item 7): an object that
// delegates to the objects it holds (an iterator over iterators) is not
// recursion, a call with several possible overrides runs one of them (the
// heaviest is charged, not their sum), and only overrides of classes the
// program constructs count.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

struct Iterator {
  virtual ~Iterator() = default;
  virtual void next() = 0;
  virtual bool valid() const = 0;
};

// CHECK: ArrayIterator::ArrayIterator neutral none
// CHECK-NEXT: ArrayIterator::next neutral none
// CHECK-NEXT: ArrayIterator::valid neutral none
struct ArrayIterator : Iterator {
  const int *p;
  int n;
  int i = 0;
  ArrayIterator(const int *p, int n) : p(p), n(n) {}
  void next() override { ++i; }
  bool valid() const override { return i < n; }
};

// Forwarding to two children is a fan-out over the hierarchy, not a
// recursion that branches.
// CHECK-NEXT: MergingIterator::MergingIterator neutral none
// CHECK-NEXT: MergingIterator::next neutral none
// CHECK-NEXT: MergingIterator::valid neutral none
struct MergingIterator : Iterator {
  Iterator *a;
  Iterator *b;
  MergingIterator(Iterator *a, Iterator *b) : a(a), b(b) {}
  void next() override {
    a->next();
    b->next();
  }
  bool valid() const override { return a->valid() || b->valid(); }
};

// An override nobody constructs: its work is not charged to callers.
// CHECK-NEXT: ChecksumIterator::next cpu threads
// CHECK-NEXT: ChecksumIterator::valid neutral none
struct ChecksumIterator : Iterator {
  unsigned sum = 0;
  void next() override {
    for (unsigned k = 0; k < 5000000; ++k)
      sum = sum * 31 + k;
  }
  bool valid() const override { return sum != 0; }
};

// CHECK-NEXT: advance neutral none
void advance(Iterator &it) { it.next(); }

// CHECK-NEXT: main neutral none
int main() {
  int xs[] = {1, 2, 3};
  ArrayIterator left(xs, 3), right(xs, 3);
  MergingIterator both(&left, &right);
  advance(both);
  return both.valid() ? 0 : 1;
}
