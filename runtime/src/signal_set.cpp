// signal_set.cpp - signals through signalfd.
#include "concur/signal_set.hpp"

#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <system_error>

namespace concur {

signal_set::signal_set(std::initializer_list<int> signals) {
  sigemptyset(&set_);
  for (int s : signals) sigaddset(&set_, s);
  if (int rc = pthread_sigmask(SIG_BLOCK, &set_, &old_); rc != 0)
    throw std::system_error(rc, std::generic_category(), "pthread_sigmask");
  int fd = ::signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    throw std::system_error(e, std::generic_category(), "signalfd");
  }
  h_ = detail::fd_handle(fd);
}

signal_set::~signal_set() {
  h_.close();
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

long signal_set::wait_op::operator()() const {
  signalfd_siginfo si{};
  ssize_t r = ::read(fd, &si, sizeof si);
  if (r < 0) return -errno;
  return static_cast<long>(si.ssi_signo);
}

}  // namespace concur
