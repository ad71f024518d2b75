// Loops that halve what is left each round (a binary search, a loop that
// halves or doubles its counter, a digit loop) run O(log n) rounds, not n:
// a search per query is O(n) in the queries, not O(n^2). Loops that step by
// a constant stay linear. Against the real standard library.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json Block::restart_before | FileCheck %s --check-prefix=SEARCH
// RUN: %json-query evidence %t.json first_not_less | FileCheck %s --check-prefix=LOWER
// RUN: %json-query evidence %t.json rank_all | FileCheck %s --check-prefix=RANK
// RUN: %json-query evidence %t.json every_other | FileCheck %s --check-prefix=STEP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct Block {
  const char *data;
  uint32_t restarts;
  uint32_t num_restarts;

  uint32_t restart_point(uint32_t index) const {
    uint32_t offset;
    __builtin_memcpy(&offset, data + restarts + index * sizeof(uint32_t), sizeof(offset));
    return offset;
  }

  // CHECK: Block::restart_point neutral none
  // CHECK-NEXT: Block::restart_before neutral none
  // SEARCH: loop over 'right' that halves its range each round: O(log n), 10 iterations assumed, {{.*}}
  uint32_t restart_before(uint32_t target) const {
    uint32_t left = 0;
    uint32_t right = num_restarts - 1;
    while (left < right) {
      uint32_t mid = (left + right + 1) / 2;
      if (restart_point(mid) < target)
        left = mid;
      else
        right = mid - 1;
    }
    return left;
  }
};

// CHECK-NEXT: first_not_less neutral none
// LOWER: loop over 'len' that halves its range each round: O(log n), 10 iterations assumed, {{.*}}
const int *first_not_less(const int *first, size_t len, int key) {
  while (len > 0) {
    size_t half = len >> 1;
    const int *middle = first + half;
    if (*middle < key) {
      first = middle + 1;
      len = len - half - 1;
    } else {
      len = half;
    }
  }
  return first;
}

// Bounded by the type's width already (64 rounds at most).
// CHECK-NEXT: digits neutral none
int digits(uint64_t value) {
  int n = 1;
  while (value >= 10) {
    value /= 10;
    ++n;
  }
  return n;
}

// One search per query: linear in the queries, the search adds a log.
// CHECK-NEXT: rank_all cpu threads
// RANK-NOT: O(n^2)
// RANK: loop over 'len' that halves its range each round: O(log n), 10 iterations assumed, {{.*}}
// RANK-NEXT: loop over 'queries', size unknown: O(n) in 'queries' {{.*}}
// RANK-NOT: O(n^2)
std::vector<size_t> rank_all(const std::vector<int> &sorted, const std::vector<int> &queries) {
  std::vector<size_t> ranks;
  ranks.reserve(queries.size());
  for (int q : queries)
    ranks.push_back(size_t(first_not_less(sorted.data(), sorted.size(), q) - sorted.data()));
  return ranks;
}

// A loop that steps by two is still linear in the caller's data.
// CHECK-NEXT: every_other cpu threads
// STEP-NOT: halves
// STEP: loop over 'text.size()', size unknown: O(n) in {{.*}}
size_t every_other(const std::string &text) {
  size_t sum = 0;
  size_t i = 0;
  while (i < text.size()) {
    sum = sum * 31 + static_cast<unsigned char>(text[i]);
    i += 2;
  }
  return sum;
}
