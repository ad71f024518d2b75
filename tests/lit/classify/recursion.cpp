// Recursion: a branching recursion is CPU work even without loops; strongly
// connected components are classified together.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

// CHECK: work cpu threads
long work(int n) { return n < 2 ? n : work(n - 1) + work(n - 2); }

// Linear recursion of a depth nothing gives: its work grows with 'n'.
// CHECK-NEXT: ping cpu threads
int pong(int n);
int ping(int n) { return n <= 0 ? 0 : pong(n - 1); }
// CHECK-NEXT: pong cpu threads
int pong(int n) { return n <= 0 ? 0 : ping(n - 1); }
