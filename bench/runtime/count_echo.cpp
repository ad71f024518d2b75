// The TCP echo servers of bench_runtime as their own processes, so that
// `strace -f -c` sees the server's system calls only (bench/runtime/counts.sh).
//   count_echo server concur|asio CONNS    prints the port, serves CONNS
//                                          connections until they all close
//   count_echo client PORT CONNS PER_CONN  exits 1 unless every request is served
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "echo.hpp"

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "server") == 0) {
    const int conns = std::atoi(argv[3]);
    if (std::strcmp(argv[2], "concur") == 0) {
      auto l = concur::net::tcp_listener::bind("127.0.0.1", 0);
      std::printf("%u\n", l.local_endpoint().port());
      std::fflush(stdout);
      concur::event_loop loop;
      loop.spawn(echo::concur_server(std::move(l), conns));
      loop.run();
    } else {
      asio::io_context io(1);
      asio::ip::tcp::acceptor acc(io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
      std::printf("%u\n", acc.local_endpoint().port());
      std::fflush(stdout);
      asio::co_spawn(io, echo::asio_server(acc, conns), asio::detached);
      io.run();
    }
    return 0;
  }
  if (argc == 5 && std::strcmp(argv[1], "client") == 0) {
    const int conns = std::atoi(argv[3]), per_conn = std::atoi(argv[4]);
    // No time bound that matters: the count needs every request served.
    auto r = echo::client(static_cast<std::uint16_t>(std::atoi(argv[2])), conns, per_conn, 600.0);
    std::printf("%ld requests in %.3f s\n", r.done, r.seconds);
    return r.done == static_cast<long>(conns) * per_conn ? 0 : 1;
  }
  std::fprintf(stderr, "usage: count_echo server concur|asio CONNS | client PORT CONNS PER_CONN\n");
  return 2;
}
