// Instruction counts of the coroutine primitives, concur vs standalone Asio,
// for bench/runtime/counts.sh. Run under
//   valgrind --tool=callgrind --collect-atstart=no count_coro IMPL OP N
// (IMPL: concur|asio, OP: await|spawn|yield): callgrind counts only between
// the two CALLGRIND_TOGGLE_COLLECTs, i.e. N operations after N warm-up ones
// (lazy symbol binding, malloc's caches and the loops' queues are then warm
// and sized). counts.sh runs two N and divides the difference, so whatever
// the region costs once (entering the loop, one epoll_wait...) cancels.
#include <asio.hpp>
#include <concur/concur.hpp>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
long sink = 0;

// noinline: the ramp must be a real call, or clang elides the frame
// allocation (HALO) and the count no longer includes creating a coroutine.
[[gnu::noinline]] concur::task<int> c_trivial(int i) { co_return i; }
[[gnu::noinline]] concur::task<void> c_noop() { ++sink; co_return; }
[[gnu::noinline]] asio::awaitable<int> a_trivial(int i) { co_return i; }
[[gnu::noinline]] asio::awaitable<void> a_noop() { ++sink; co_return; }

// The ops that run inside one coroutine: create+await a task, or yield.
concur::task<void> c_loop(bool yield, int n) {
  for (int round = 0; round < 2; ++round) {  // 0: warm-up, 1: counted
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
    for (int i = 0; i < n; ++i) {
      if (yield) co_await concur::yield();
      else sink += co_await c_trivial(i);
    }
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
  }
}
asio::awaitable<void> a_loop(bool yield, int n) {
  auto ex = co_await asio::this_coro::executor;
  for (int round = 0; round < 2; ++round) {
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
    for (int i = 0; i < n; ++i) {
      if (yield) co_await asio::post(ex, asio::use_awaitable);
      else sink += co_await a_trivial(i);
    }
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
  }
}

// Spawn N tasks onto an idle loop and run it until they have all finished
// (concur: event_loop::spawn + run; Asio: co_spawn(detached) + io_context::run).
void c_spawn(int n) {
  concur::event_loop loop;
  for (int round = 0; round < 2; ++round) {
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
    for (int i = 0; i < n; ++i) loop.spawn(c_noop());
    loop.run();
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
  }
}
void a_spawn(int n) {
  asio::io_context io(1);
  for (int round = 0; round < 2; ++round) {
    io.restart();
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
    for (int i = 0; i < n; ++i) asio::co_spawn(io, a_noop(), asio::detached);
    io.run();
    if (round == 1) CALLGRIND_TOGGLE_COLLECT;
  }
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: count_coro concur|asio await|spawn|yield N\n");
    return 2;
  }
  const bool concur_impl = std::strcmp(argv[1], "concur") == 0;
  const std::string_view op = argv[2];
  const int n = std::atoi(argv[3]);
  if (op == "spawn") {
    concur_impl ? c_spawn(n) : a_spawn(n);
  } else if (concur_impl) {
    concur::run(c_loop(op == "yield", n));
  } else {
    asio::io_context io(1);
    asio::co_spawn(io, a_loop(op == "yield", n), asio::detached);
    io.run();
  }
  return sink == -1;
}
