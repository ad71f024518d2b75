// A loop bounded by a struct member: the constants stored into the member
// anywhere in the program (aggregate initializers, assignments) bound it.
// RUN: %concur check --format=json --quiet %s -- -std=c11 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

struct job {
  long samples;
  double estimate;
};

// CHECK: step cpu threads
void step(struct job *j) {
  double acc = 0;
  for (long i = 0; i < j->samples; i++)
    acc += (double)(i % 7) * 0.5;
  j->estimate = acc;
}

struct other {
  long count;
};

// Nothing stores a value into 'count': its size is unknown, and work that
// grows with data of unknown size is CPU work (O(n) in 'o->count').
// CHECK-NEXT: handle cpu threads
long handle(struct other *o) {
  long acc = 0;
  for (long i = 0; i < o->count; i++)
    acc += i;
  return acc;
}

// CHECK-NEXT: main cpu threads
int main(void) {
  struct job j = {50000000, 0.0};
  step(&j);
  return 0;
}
