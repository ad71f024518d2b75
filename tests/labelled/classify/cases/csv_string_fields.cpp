// Splits a large CSV text that main builds in a std::string (1.6 million
// "id,sku,price,qty" lines) and totals price * qty per line.
#include "../measure.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace csv {

struct Totals {
  long lines = 0;
  double amount = 0;
  long units = 0;
};

class Reader {
public:
  explicit Reader(const std::string &text) : text_(text) {}
  Totals run() const;

private:
  const std::string &text_;
};

Totals Reader::run() const {
  Totals t;
  size_t pos = 0;
  char field[64];
  while (pos < text_.size()) {
    size_t end = text_.find('\n', pos);
    if (end == std::string::npos)
      end = text_.size();
    std::string_view line(text_.data() + pos, end - pos);
    int col = 0;
    double price = 0;
    long qty = 0;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == ',') {
        size_t len = i - start < sizeof field - 1 ? i - start : sizeof field - 1;
        line.copy(field, len, start);
        field[len] = '\0';
        if (col == 2)
          price = std::strtod(field, nullptr);
        else if (col == 3)
          qty = std::strtol(field, nullptr, 10);
        ++col;
        start = i + 1;
      }
    }
    t.amount += price * static_cast<double>(qty);
    t.units += qty;
    ++t.lines;
    pos = end + 1;
  }
  return t;
}

} // namespace csv

int main() {
  std::string text;
  const int lines = 1'600'000;
  text.reserve(static_cast<size_t>(lines) * 32);
  char line[96];
  for (int i = 0; i < lines; ++i) {
    int n = std::snprintf(line, sizeof line, "%d,SKU-%05d,%d.%02d,%d\n", i, i % 40000, 1 + i % 997,
                          i % 100, 1 + i % 13);
    text.append(line, static_cast<size_t>(n));
  }
  csv::Reader reader(text);
  csv::Totals t;
  concur_measure("csv::Reader::run", [&] { t = reader.run(); });
  std::fprintf(stderr, "%ld %f %ld\n", t.lines, t.amount, t.units);
}
