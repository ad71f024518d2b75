// A Button stores a click handler. The handler main gives it does a lot of
// work, but on_click only stores it; main clicks later, outside the measured
// call.
#include "../measure.hpp"

#include <cstdio>
#include <functional>
#include <utility>

namespace ui {

class Button {
public:
  void on_click(std::function<void()> f);
  void click() {
    if (handler_)
      handler_();
  }

private:
  std::function<void()> handler_;
};

void Button::on_click(std::function<void()> f) { handler_ = std::move(f); }

} // namespace ui

int main() {
  ui::Button button;
  unsigned long acc = 0;
  std::function<void()> handler = [&acc] {
    unsigned long x = 88172645463325252ul;
    for (long i = 0; i < 60'000'000; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      acc += x & 0xff;
    }
  };
  concur_measure("ui::Button::on_click", [&] { button.on_click(std::move(handler)); });
  button.click();
  std::fprintf(stderr, "%lu\n", acc);
}
