// One row of a 3x3 weighted smoothing, over `width` cells.
void smooth_row(const float *above, const float *row, const float *below, float *out, int width) {
  for (int x = 1; x + 1 < width; ++x) {
    float s = 4.0f * row[x];
    s += 2.0f * (row[x - 1] + row[x + 1] + above[x] + below[x]);
    s += above[x - 1] + above[x + 1] + below[x - 1] + below[x + 1];
    out[x] = s * (1.0f / 16.0f);
  }
}
