// Asio with a thread_pool (issue 9, item 3), on the real Asio headers:
// `co_spawn(pool, ...)` starts the coroutine on the pool; an io_context is an
// event loop. `co_await asio::post(pool, use_awaitable)` only hops through
// the pool: the coroutine resumes on its own executor, so what follows is
// still on the loop.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

// Debian's Asio 1.28 does not detect clang's C++20 coroutines by itself.
#define ASIO_HAS_CO_AWAIT 1
#define ASIO_HAS_STD_COROUTINE 1
#include <asio.hpp>
#include <unistd.h>

using asio::awaitable;
using asio::use_awaitable;

// --- silent ------------------------------------------------------------------
awaitable<void> scan_disk(int fd) {
  char buf[512];
  pread(fd, buf, sizeof buf, 0);
  co_return;
}

void start_scan(asio::thread_pool &pool, int fd) { asio::co_spawn(pool, scan_disk(fd), asio::detached); }

// --- fires -------------------------------------------------------------------
awaitable<void> checksum(asio::thread_pool &pool, int fd) {
  co_await asio::post(pool, use_awaitable);
  char buf[512];
  read(fd, buf, sizeof buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'checksum' {{.*}} [concur-blocking-in-coroutine]
}

awaitable<void> on_the_context(asio::io_context &ctx, int fd) {
  co_await asio::post(ctx, use_awaitable);
  char buf[512];
  read(fd, buf, sizeof buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'read' inside coroutine 'on_the_context' {{.*}} [concur-blocking-in-coroutine]
}

awaitable<void> serve_file(int fd) {
  char buf[512];
  pread(fd, buf, sizeof buf, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'pread' inside coroutine 'serve_file' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

void start_serving(asio::io_context &ctx, int fd) { asio::co_spawn(ctx, serve_file(fd), asio::detached); }
