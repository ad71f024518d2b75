#include <cstddef>
#include <vector>
#include "../loop.hpp"

namespace gfx {
static const float kGauss[5][5] = {
    {1, 4, 6, 4, 1}, {4, 16, 24, 16, 4}, {6, 24, 36, 24, 6}, {4, 16, 24, 16, 4}, {1, 4, 6, 4, 1}};

class Image {
 public:
  Image(int width, int height)
      : width_(width), height_(height), pixels(static_cast<size_t>(width) * height),
        result_(pixels.size()) {
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<float>((i * 37) % 251);
  }
  lp::task process();
  float at(int x, int y) const { return result_[static_cast<size_t>(y) * width_ + x]; }

 private:
  int width_, height_;
  std::vector<float> pixels;
  std::vector<float> result_;
};

lp::task Image::process() {
  co_await lp::sleep_ms(2);
  for (int y = 2; y < height_ - 2; ++y) {
    for (int x = 2; x < width_ - 2; ++x) {
      float s = 0;
      for (int dy = -2; dy <= 2; ++dy) {
        for (int dx = -2; dx <= 2; ++dx) {
          s += kGauss[dy + 2][dx + 2] * pixels[static_cast<size_t>(y + dy) * width_ + x + dx];
        }
      }
      result_[static_cast<size_t>(y) * width_ + x] = s / 256.0f;
    }
  }
  co_await lp::sleep_ms(2);
}
}  // namespace gfx

int main() {
  gfx::Image img(4000, 3000);
  lp::measure(img.process());
  return img.at(100, 100) > 0 ? 0 : 1;
}
