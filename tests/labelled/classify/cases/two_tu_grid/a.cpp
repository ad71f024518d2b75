// A grid whose 1600x1200 size main chooses; the function under test walks
// the rows and calls smooth_row(), defined in b.cpp, passing the width on.
#include "../../measure.hpp"

#include <cstdio>
#include <utility>
#include <vector>

void smooth_row(const float *above, const float *row, const float *below, float *out, int width);

struct Grid {
  int width, height;
  std::vector<float> cells;
  Grid(int w, int h) : width(w), height(h), cells(static_cast<size_t>(w) * h) {}
  float *row(int y) { return cells.data() + static_cast<size_t>(y) * width; }
};

void task_a(Grid &g, int passes) {
  Grid next(g.width, g.height);
  for (int p = 0; p < passes; ++p) {
    for (int y = 1; y + 1 < g.height; ++y)
      smooth_row(g.row(y - 1), g.row(y), g.row(y + 1), next.row(y), g.width);
    std::swap(g.cells, next.cells);
  }
}

int main() {
  Grid g(1600, 1200);
  for (size_t i = 0; i < g.cells.size(); ++i)
    g.cells[i] = static_cast<float>(i % 97);
  concur_measure("task_a", [&] { task_a(g, 44); });
  std::fprintf(stderr, "%f\n", g.cells[g.cells.size() / 2]);
}
