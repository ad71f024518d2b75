// A 3x3 box filter over an image whose size (2400x1800) and number of passes
// come from main; the Image constructor sizes the pixel vector.
#include "../measure.hpp"

#include <cstdio>
#include <utility>
#include <vector>

namespace img {

struct Image {
  int width, height;
  std::vector<float> px;
  Image(int w, int h) : width(w), height(h), px(static_cast<size_t>(w) * h) {}
  float &at(int x, int y) { return px[static_cast<size_t>(y) * width + x]; }
  float at(int x, int y) const { return px[static_cast<size_t>(y) * width + x]; }
};

void apply(Image &image, int passes) {
  Image out(image.width, image.height);
  for (int p = 0; p < passes; ++p) {
    for (int y = 1; y + 1 < image.height; ++y)
      for (int x = 1; x + 1 < image.width; ++x) {
        float s = 0;
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx)
            s += image.at(x + dx, y + dy);
        out.at(x, y) = s * (1.0f / 9.0f);
      }
    std::swap(image.px, out.px);
  }
}

} // namespace img

int main() {
  img::Image photo(2400, 1800);
  for (int y = 0; y < photo.height; ++y)
    for (int x = 0; x < photo.width; ++x)
      photo.at(x, y) = static_cast<float>((x * 7 + y * 13) % 255);
  const int passes = 7;
  concur_measure("img::apply", [&] { img::apply(photo, passes); });
  std::fprintf(stderr, "%f\n", photo.at(1200, 900));
}
