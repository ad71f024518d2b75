// A class with an accessor.
#include "../measure.hpp"

#include <cstdio>
#include <vector>

namespace shop {

class Cart {
public:
  explicit Cart(std::vector<int> items) : items_(std::move(items)) {}
  size_t size() const { return items_.size(); }

private:
  std::vector<int> items_;
};

} // namespace shop

int main() {
  shop::Cart cart({3, 1, 4, 1, 5});
  size_t r = 0;
  concur_measure("shop::Cart::size", [&] { r = cart.size(); });
  std::fprintf(stderr, "%zu\n", r);
}
