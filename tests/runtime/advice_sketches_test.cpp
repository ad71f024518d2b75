// The code sketches concur-advice prints (rules/advice/*.sketch), each
// compiled into a small program and run against the runtime. The check
// reads the same files (tool/CMakeLists.txt generates its header from
// them), so a sketch that stops compiling fails here.
#include "concur/concur.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace gather_blocking {
using Item = int;
using Result = std::string;
// One iteration's blocking I/O, as the advice finds it: the thread sleeps.
Result blocking_call(Item item) {
  std::this_thread::sleep_for(20ms);
  return "reply " + std::to_string(item);
}
concur::task<std::vector<Result>> all(std::vector<Item> items) {
#include "gather_blocking.sketch"
  co_return results;
}
}  // namespace gather_blocking

namespace gather_tasks {
using Item = int;
using Result = std::string;
concur::task<Result> async_call(Item item) {
  co_await concur::sleep_for(10ms);
  co_return "reply " + std::to_string(item);
}
concur::task<std::vector<Result>> all(std::vector<Item> items) {
#include "gather_tasks.sketch"
  co_return results;
}
}  // namespace gather_tasks

namespace parallel {
double work(double x) { return std::sqrt(x) * 2; }
std::vector<double> all(const std::vector<double>& in) {
  const std::size_t n = in.size();
  std::vector<double> out(n);
#include "parallel_for.sketch"
  return out;
}
}  // namespace parallel

namespace processes {
using Input = std::string;
using Result = int;
// Not thread-safe: strtok keeps its position in the process's state.
Result cpu_function(Input text) {
  Result words = 0;
  for (char* t = std::strtok(text.data(), " "); t; t = std::strtok(nullptr, " ")) ++words;
  return words;
}
std::vector<Result> all(const std::vector<Input>& inputs) {
#include "process_pool.sketch"
  return results;
}
}  // namespace processes

TEST(AdviceSketches, GatherRunsBlockingCallsOnTheBlockingPool) {
  std::vector<std::string> r = concur::run(gather_blocking::all({1, 2, 3, 4, 5, 6, 7, 8}));
  ASSERT_EQ(r.size(), 8u);
  EXPECT_EQ(r.front(), "reply 1");
  EXPECT_EQ(r.back(), "reply 8");
}

TEST(AdviceSketches, GatherAwaitsTasksTogether) {
  std::vector<std::string> r = concur::run(gather_tasks::all({3, 1, 2}));
  EXPECT_EQ(r, (std::vector<std::string>{"reply 3", "reply 1", "reply 2"}));
}

TEST(AdviceSketches, ParallelForWritesEveryElement) {
  std::vector<double> in(10000);
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = double(i);
  std::vector<double> out = parallel::all(in);
  ASSERT_EQ(out.size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i) ASSERT_DOUBLE_EQ(out[i], parallel::work(in[i])) << i;
}

TEST(AdviceSketches, ProcessPoolRunsTheUnsafeFunctionInWorkers) {
  std::vector<int> r = processes::all({"a b c", "one", "x y", ""});
  EXPECT_EQ(r, (std::vector<int>{3, 1, 2, 0}));
}
