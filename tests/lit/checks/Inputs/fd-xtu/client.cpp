#include "socket.h"
#include <coroutine>
#include <sys/socket.h>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// The member is made non-blocking in socket.cpp: recv on it does not block.
task read_reply(tcp_socket &sock) {
  char buf[64];
  recv(sock.native_handle(), buf, sizeof buf, 0);
  co_return;
}
