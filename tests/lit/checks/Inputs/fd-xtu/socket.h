// A socket wrapper as event-loop libraries write one: the descriptor is a
// data member, made non-blocking by a member function, read through a getter.
#pragma once
class tcp_socket {
public:
  explicit tcp_socket(int fd) : fd_(fd) {}
  void set_blocking(bool blocking);
  int native_handle() const { return fd_; }

private:
  int fd_;
};
tcp_socket make_client_socket(bool blocking);
