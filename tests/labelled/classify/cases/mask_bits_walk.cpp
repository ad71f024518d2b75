// Walks the set bits of a 64-bit permission mask once, summing a weight per
// bit (mask and weights from main).
#include "../measure.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace acl {

struct Policy {
  std::array<int, 64> weight{};
};

int apply(const Policy &policy, uint64_t mask) {
  int total = 0;
  uint64_t m = mask;
  while (m) {
    int b = __builtin_ctzll(m);
    total += policy.weight[b];
    m &= m - 1;
  }
  return total;
}

} // namespace acl

int main() {
  acl::Policy policy;
  for (int i = 0; i < 64; ++i)
    policy.weight[i] = i * 3 + 1;
  const uint64_t mask = 0xF0F0'1234'8000'00FFull;
  int r = 0;
  concur_measure("acl::apply", [&] { r = acl::apply(policy, mask); });
  std::fprintf(stderr, "%d\n", r);
}
