// Blocking families that were missing from the catalogue (issue 9, item 10),
// on the real standard library and Debian's standalone Asio: synchronous
// Asio inside a coroutine, path metadata, std::cin, a discarded std::async
// future, flock without LOCK_NB. Each has a silent twin.
// RUN: %concur check --checks='-*,concur-blocking-in-coroutine' --quiet %s -- -std=c++20 \
// RUN:   -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE \
// RUN:   | FileCheck %s --implicit-check-not='[concur-blocking-in-coroutine]'

#include <asio.hpp>
#include <fcntl.h>
#include <future>
#include <iostream>
#include <limits.h>
#include <stdlib.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using asio::ip::tcp;

// --- Asio: the synchronous calls fire, the awaited async twins do not -------
asio::awaitable<void> session_sync(tcp::socket socket) {
  char data[1024];
  std::size_t n = socket.read_some(asio::buffer(data));
  // CHECK: :[[@LINE-1]]:19: warning: blocking call 'asio::basic_stream_socket{{.*}}::read_some' inside coroutine 'session_sync' {{.*}} [concur-blocking-in-coroutine]
  asio::write(socket, asio::buffer(data, n));
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'asio::write' inside coroutine 'session_sync' {{.*}} [concur-blocking-in-coroutine]
  asio::read(socket, asio::buffer(data, 4));
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'asio::read' inside coroutine 'session_sync' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

asio::awaitable<void> connect_sync(tcp::resolver &resolver, tcp::socket &socket, std::string host) {
  auto endpoints = resolver.resolve(host, "80");
  // CHECK: :[[@LINE-1]]:20: warning: blocking call 'asio::ip::basic_resolver{{.*}}::resolve' inside coroutine 'connect_sync' {{.*}} [concur-blocking-in-coroutine]
  asio::connect(socket, endpoints);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'asio::connect' inside coroutine 'connect_sync' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

asio::awaitable<void> run_nested(asio::io_context &other) {
  other.run();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'asio::io_context::run' inside coroutine 'run_nested' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

asio::awaitable<void> session_async(tcp::socket socket) {
  char data[1024];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  tcp::resolver resolver(socket.get_executor());
  auto endpoints = co_await resolver.async_resolve("example.org", "80", asio::use_awaitable);
  (void)endpoints;
}

// --- path metadata ----------------------------------------------------------
asio::awaitable<void> metadata(const char *path) {
  struct stat st;
  stat(path, &st);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'stat' inside coroutine 'metadata' {{.*}} [concur-blocking-in-coroutine]
  lstat(path, &st);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'lstat' inside coroutine 'metadata' {{.*}} [concur-blocking-in-coroutine]
  char resolved[PATH_MAX];
  realpath(path, resolved);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'realpath' inside coroutine 'metadata' {{.*}} [concur-blocking-in-coroutine]
  access(path, R_OK);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'access' inside coroutine 'metadata' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

// fstat reads the inode of a descriptor already open: no path walk.
asio::awaitable<void> metadata_of_open_file(int fd) {
  struct stat st;
  fstat(fd, &st);
  co_return;
}

// --- std::cin: the terminal waits; a string stream of the same type does not
asio::awaitable<void> read_command() {
  std::string line;
  std::getline(std::cin, line);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::getline{{.*}}' inside coroutine 'read_command' {{.*}} [concur-blocking-in-coroutine]
  int n = 0;
  std::cin >> n;
  // CHECK: :[[@LINE-1]]:3: warning: blocking call {{.*}}operator>>' inside coroutine 'read_command' {{.*}} [concur-blocking-in-coroutine]
  std::string word;
  std::cin >> word;
  // CHECK: :[[@LINE-1]]:3: warning: blocking call {{.*}}operator>>{{.*}}' inside coroutine 'read_command' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

asio::awaitable<void> parse_line(std::istream &in) {
  // An istream parameter may be a string stream: not known to wait.
  std::string line;
  std::getline(in, line);
  int n = 0;
  in >> n;
  co_return;
}

// --- std::async: a discarded future waits in its destructor ---------------
int crunch(int n) { return n * 2; }

asio::awaitable<void> fire_and_forget(int n) {
  std::async(std::launch::async, crunch, n);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'std::async{{.*}}' inside coroutine 'fire_and_forget' {{.*}} [concur-blocking-in-coroutine]
  (void)std::async(std::launch::async, crunch, n + 1);
  // CHECK: :[[@LINE-1]]:9: warning: blocking call 'std::async{{.*}}' inside coroutine 'fire_and_forget' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

std::future<int> kept;
asio::awaitable<void> keep_the_future(int n) {
  kept = std::async(std::launch::async, crunch, n);
  auto local = std::async(std::launch::async, crunch, n);
  kept = std::move(local);
  co_return;
}

// --- flock: LOCK_NB in the call makes it a try-lock -----------------------
asio::awaitable<void> lock_file(int fd) {
  flock(fd, LOCK_EX);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call 'flock' inside coroutine 'lock_file' {{.*}} [concur-blocking-in-coroutine]
  co_return;
}

asio::awaitable<void> try_lock_file(int fd) {
  if (flock(fd, LOCK_EX | LOCK_NB) != 0)
    co_return;
  flock(fd, LOCK_UN | LOCK_NB);
}
