// Sizes that reach a loop the way real programs pass them: a constructor's
// arguments stored in fields (also a container member sized w * h), a
// buffer resized in main and passed as data()/size(), a vector filled by a
// loop of push_back whose count is a command-line default. Against the
// real standard library, not the mock headers.
// RUN: %concur check --format=json --quiet %s -- -std=c++20 > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines
// RUN: %json-query evidence %t.json filter | FileCheck %s --check-prefix=FILTER
// RUN: %json-query evidence %t.json checksum | FileCheck %s --check-prefix=SUM
// RUN: %json-query evidence %t.json scan | FileCheck %s --check-prefix=SCAN
// RUN: %json-query rationale %t.json scan | FileCheck %s --check-prefix=SCAN-WHY
// RUN: %json-query evidence %t.json scale | FileCheck %s --check-prefix=SCALE
// RUN: %json-query evidence %t.json settings | FileCheck %s --check-prefix=SETTINGS
// RUN: %json-query evidence %t.json smooth | FileCheck %s --check-prefix=SMOOTH

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

struct Image {
  int width, height;
  std::vector<float> px;
  Image(int w, int h) : width(w), height(h), px(size_t(w) * h) {}
};

// CHECK: Image::Image neutral none
// CHECK-NEXT: filter cpu threads
void filter(const Image &src, Image &dst) {
  for (int y = 1; y < src.height - 1; ++y)
    for (int x = 1; x < src.width - 1; ++x) {
      float s = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          s += src.px[size_t(y + dy) * src.width + x + dx];
      dst.px[size_t(y) * dst.width + x] = s / 9;
    }
}
// FILTER: loop over 'src.width - 1' with 2400 iterations, size stored in a data member, {{.*}}

// CHECK-NEXT: fill cpu threads
void fill(Image &img) {
  for (float &p : img.px)
    p = p * 0.5f + 1.0f;
}

// CHECK-NEXT: checksum cpu threads
uint64_t checksum(const uint8_t *data, size_t len) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; ++i) {
    h ^= data[i];
    h *= 1099511628211ull;
  }
  return h;
}
// SUM: loop over 'len' with 17M iterations, size from the caller, {{.*}}

// CHECK-NEXT: order cpu threads
void order(std::vector<int> &v) { std::sort(v.begin(), v.end()); }

// A walk over the set bits of a word: at most 64 turns.
// CHECK-NEXT: bits neutral none
int bits(uint64_t m) {
  int n = 0;
  while (m) {
    n += __builtin_ctzll(m);
    m &= m - 1;
  }
  return n;
}

// Digits of a number: bounded by its width, too.
// CHECK-NEXT: digits neutral none
int digits(unsigned v) {
  int n = 0;
  for (; v != 0; v /= 10)
    ++n;
  return n;
}

// Nothing in the program gives this size: the work still grows with it.
// CHECK-NEXT: scan cpu threads
long scan(const std::vector<long> &values) {
  long acc = 0;
  for (long v : values)
    acc += v * 3 + (v >> 2);
  return acc;
}
// SCAN: loop over 'values', size unknown: O(n) in 'values' (1000 iterations assumed), {{.*}}
// SCAN-WHY: {{.*}}its work grows with the size of 'values' (O(n)), which the code does not show{{.*}}

// A bound spelled like a hex digit is still a name, not a literal.
// CHECK-NEXT: scale cpu threads
void scale(long *data, int c) {
  for (int i = 0; i < c; ++i)
    data[i] = data[i] * 3 + 1;
}
// SCALE: loop over 'c', size unknown: O(n) in 'c' (1000 iterations assumed), {{.*}}

// A small vector given by the caller stays small.
// CHECK-NEXT: pick neutral none
long pick(const std::vector<long> &values) {
  long best = 0;
  for (long v : values)
    best = std::max(best, v * 7 % 13);
  return best;
}

// A loop that consumes a short line from main: at most one round per
// character, so a few dozen.
// CHECK-NEXT: settings neutral none
int settings(std::string_view line) {
  int fields = 0;
  while (!line.empty()) {
    size_t semi = line.find(';');
    fields += line.substr(0, semi).find('=') != std::string_view::npos;
    if (semi == std::string_view::npos)
      break;
    line.remove_prefix(semi + 1);
  }
  return fields;
}
// SETTINGS: loop over 'line' with 30 iterations, size from the caller, {{.*}}

// `x + 1 < width`: the offset does not hide the image's size.
// CHECK-NEXT: smooth cpu threads
float smooth(const Image &thumb) {
  float s = 0;
  for (int y = 0; y + 1 < thumb.height; ++y)
    for (int x = 0; x + 1 < thumb.width; ++x)
      s += thumb.px[size_t(y) * thumb.width + x];
  return s;
}
// SMOOTH: loop over 'thumb.width' with 2400 iterations, size stored in a data member, {{.*}}
// SMOOTH-NEXT: loop over 'thumb.height' with 1800 iterations, size stored in a data member, {{.*}}

// A member initialised empty and sized by its constructor's parameter: the
// zero is its empty state, not its size, which is the caller's (unknown
// here: nothing constructs one).
// CHECK-NEXT: Samples::Samples neutral none
// CHECK-NEXT: Samples::mean cpu threads
struct Samples {
  size_t count = 0;
  const double *values = nullptr;
  Samples(const double *v, size_t n) : count(n), values(v) {}
  double mean() const {
    double s = 0;
    for (size_t i = 0; i < count; ++i)
      s += values[i] * values[i];
    return s / double(count);
  }
};

// CHECK-NEXT: main cpu threads
int main(int argc, char **argv) {
  Image a(2400, 1800), b(2400, 1800);
  filter(a, b);
  fill(b);
  std::vector<uint8_t> buf;
  buf.resize(16 << 20);
  uint64_t h = checksum(buf.data(), buf.size());
  const int n = argc > 1 ? std::atoi(argv[1]) : 1500000;
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(i * 7 % 1000);
  order(v);
  std::vector<long> few{1, 2, 3, 4};
  const std::string line = "threads=4;port=8080;mode=fast";
  return int(h) + bits(h) + digits(unsigned(h)) + int(pick(few)) + settings(line) + int(smooth(a));
}
