// concur-advice, parallel_for: a heavy loop of a CPU-bound function whose
// iterations are independent. Real libstdc++.
// RUN: %concur check --checks='-*,concur-advice' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-advice]'

#include <cmath>
#include <cstdio>
#include <vector>

// --- fires ------------------------------------------------------------------
void square_fires(const std::vector<double> &in, std::vector<double> &out) {
  for (std::size_t i = 0; i < 1000000; ++i)
    // CHECK: :[[@LINE-1]]:3: remark: iterations of this loop are independent and CPU-bound (~1M iterations, ~{{[0-9.]+}} ms estimated in all): run them in parallel with concur::parallel_for on a thread pool [concur-advice]
    // CHECK-NEXT: :[[@LINE-2]]:3: note: no iteration reads what another writes, each writes only its own element, and every call in the loop is thread-safe
    // CHECK-NEXT: :[[@LINE-3]]:3: note: sketch with the concur runtime:
    // CHECK-NEXT: {{^}}    concur::thread_pool pool;  // one worker per hardware thread: make one, keep it
    // CHECK-NEXT: {{^}}    concur::parallel_for(pool, std::size_t{0}, n, [&](std::size_t i) { out[i] = work(in[i]); });
    // CHECK-NEXT: :[[@LINE-6]]:3: note: in the sketch, 'n' is the iteration count and the lambda is the loop's body for index 'i'
    out[i] = std::sqrt(in[i]) * std::sin(in[i]) + in[i] * in[i];
}

double shade(double x, int rounds) {
  double acc = x;
  for (int r = 0; r < rounds; ++r)
    acc = acc * 0.5 + std::cos(acc);
  return acc;
}

// The outer loop is split, not the inner one; the work is in a callee.
void image_fires(std::vector<std::vector<double>> &rows) {
  for (int y = 0; y < 2000; ++y)
    // CHECK: :[[@LINE-1]]:3: remark: iterations of this loop are independent and CPU-bound (~2000 iterations, ~{{[0-9.]+}} ms estimated in all): run them in parallel with concur::parallel_for on a thread pool [concur-advice]
    for (int x = 0; x < 2000; ++x)
      rows[y][x] = shade(rows[y][x], 64);
}

// --- silent -----------------------------------------------------------------
// A reduction: every iteration adds to one sum.
long sum_silent(const std::vector<long> &in) {
  long s = 0;
  for (std::size_t i = 0; i < 1000000; ++i)
    s += in[i] * in[i];
  return s;
}

// Elements at a computed index: nothing shows two iterations write apart.
void flat_silent(std::vector<double> &px) {
  for (int y = 0; y < 2000; ++y)
    for (int x = 0; x < 2000; ++x)
      px[y * 2000 + x] = shade(px[y * 2000 + x], 64);
}

// Each iteration reads what the previous one wrote.
void prefix_silent(std::vector<double> &v) {
  for (std::size_t i = 1; i < 1000000; ++i)
    v[i] = v[i - 1] * 0.5 + std::sqrt(v[i]);
}

// Too light: a few hundred iterations are not worth a thread hop.
void light_silent(std::vector<double> &out) {
  for (std::size_t i = 0; i < 300; ++i)
    out[i] = std::sqrt(out[i]);
}

// Appends from several threads would race.
void append_silent(const std::vector<double> &in, std::vector<double> &out) {
  for (std::size_t i = 0; i < 1000000; ++i)
    out.push_back(std::sqrt(in[i]) * std::sin(in[i]));
}

// Writes to the console: ordered output, and I/O.
void print_silent(const std::vector<double> &in) {
  for (std::size_t i = 0; i < 1000000; ++i)
    std::printf("%f\n", std::sqrt(in[i]) * std::sin(in[i]) * in[i]);
}

// A callee that writes a global: iterations share it.
long g_last;
double remember(double x) {
  g_last = long(x);
  return std::sqrt(x) * std::sin(x) * std::cos(x);
}
void global_silent(std::vector<double> &v) {
  for (std::size_t i = 0; i < 1000000; ++i)
    v[i] = remember(v[i]);
}

// Calls code nobody analysed: nothing shows it is thread-safe.
double opaque(double);
void unknown_silent(std::vector<double> &v) {
  for (std::size_t i = 0; i < 1000000; ++i)
    v[i] = opaque(v[i]) * std::sqrt(v[i]) + std::sin(v[i]) * v[i];
}

// Stops early on a value: the iterations after it must not run.
int search_silent(const std::vector<double> &v) {
  int found = -1;
  for (int i = 0; i < 1000000; ++i)
    if (std::sqrt(v[i]) * std::sin(v[i]) > 0.5) {
      found = i;
      break;
    }
  return found;
}

// Every iteration inserts into the caller's set: one shared object.
#include <set>
void collect_silent(const std::vector<std::vector<long>> &groups, std::set<long> *live) {
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t i = 0; i < groups[g].size(); ++i)
      live->insert(groups[g][i] * 2654435761L % 1000003);
}
