// Regression: integer constants that do not fit in int64_t (an FNV offset
// basis, a 128-bit value) crashed the fact extractor (APSInt::getExtValue).
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

unsigned long long mix(unsigned long long seed, int rounds) {
  for (int i = 0; i < rounds; ++i)
    seed = (seed ^ 0x9e3779b97f4a7c15ull) * 1099511628211ull;
  return seed;
}

// CHECK: mix neutral none
// CHECK-NEXT: step neutral none
unsigned long long step() {
  unsigned __int128 wide = (unsigned __int128)1 << 100;
  for (unsigned long long i = 14695981039346656037ull; i < 14695981039346656040ull; ++i)
    wide += i;
  return mix(14695981039346656037ull, 3) + (unsigned long long)wide;
}
