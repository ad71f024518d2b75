#include "socket.h"
#include <fcntl.h>
#include <sys/socket.h>

void tcp_socket::set_blocking(bool blocking) {
  int flags = fcntl(fd_, F_GETFL);
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  fcntl(fd_, F_SETFL, flags);
}

tcp_socket make_client_socket(bool blocking) {
  tcp_socket s(socket(AF_INET, SOCK_STREAM, 0));
  if (!blocking)
    s.set_blocking(false);
  return s;
}
