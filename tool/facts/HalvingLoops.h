// Halving loops: a binary search (`while (lo < hi) { mid = (lo + hi) / 2;
// ... lo = mid + 1; }`), a loop that halves or doubles its counter
// (`len >>= 1`, `step *= 2`). Each round removes half of what is left, so
// they run O(log n) times, not n: leveldb's Block::Iter::Seek had been
// charged as a 1000-round scan that multiplied whatever it called.
#pragma once

namespace clang {
class Stmt;
} // namespace clang

namespace concur {

/// Rounds assumed for a halving loop whose range nothing gives: log2 of the
/// element count assumed for data of unknown size (~1000).
constexpr double kHalvingTrips = 10;

/// `loop` is a for, while or do loop that halves the range its condition
/// tests: a variable the condition reads is set to a midpoint of the range
/// (`(lo + hi) / 2`, `lo + (hi - lo) / 2`, `(lo + hi) >> 1`,
/// `std::midpoint`), directly or through a variable holding one, or is
/// divided or multiplied in place by a constant (`/= 2`, `>>= 1`, `*= 2`,
/// `/= 10`: a digit loop).
bool isHalvingLoop(const clang::Stmt *loop);

} // namespace concur
