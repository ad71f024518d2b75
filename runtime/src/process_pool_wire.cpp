// process_pool_wire.cpp - the process pool's frames and the worker loop.
#include "process_pool_wire.hpp"

#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>

#include "concur/process_pool.hpp"

namespace concur::detail {

std::uint64_t clock_ns(clockid_t c) {
  timespec ts{};
  clock_gettime(c, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull + ts.tv_nsec;
}

bool send_frame(int sock, frame h, const std::string& payload) {
  h.len = payload.size();
  int memfd = -1;
  iovec iov[2];
  iov[0] = {&h, sizeof h};
  int iovcnt = 1;
  if (payload.size() > kInlineMax) {
    h.flags |= kFlagMemfd;
    memfd = static_cast<int>(::syscall(SYS_memfd_create, "concur-payload", MFD_CLOEXEC));
    if (memfd < 0) return false;
    std::size_t done = 0;
    while (done < payload.size()) {
      ssize_t r = ::pwrite(memfd, payload.data() + done, payload.size() - done, static_cast<off_t>(done));
      if (r <= 0) {
        ::close(memfd);
        return false;
      }
      done += static_cast<std::size_t>(r);
    }
  } else if (!payload.empty()) {
    iov[1] = {const_cast<char*>(payload.data()), payload.size()};
    iovcnt = 2;
  }
  msghdr msg{};
  msg.msg_iov = iov;
  msg.msg_iovlen = static_cast<std::size_t>(iovcnt);
  alignas(cmsghdr) char cbuf[CMSG_SPACE(sizeof(int))];
  if (memfd >= 0) {
    msg.msg_control = cbuf;
    msg.msg_controllen = sizeof cbuf;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &memfd, sizeof memfd);
  }
  ssize_t r;
  do r = ::sendmsg(sock, &msg, MSG_NOSIGNAL);
  while (r < 0 && errno == EINTR);
  if (memfd >= 0) ::close(memfd);
  return r >= 0;
}

int recv_frame(int sock, frame& h, std::string& payload, std::string& scratch, int flags) {
  scratch.resize(sizeof(frame) + kInlineMax);
  iovec iov{scratch.data(), scratch.size()};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char cbuf[CMSG_SPACE(sizeof(int))];
  msg.msg_control = cbuf;
  msg.msg_controllen = sizeof cbuf;
  ssize_t r;
  do r = ::recvmsg(sock, &msg, MSG_CMSG_CLOEXEC | flags);
  while (r < 0 && errno == EINTR);
  if (r == 0) return 0;
  if (r < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? -2 : errno == ECONNRESET ? 0 : -1;
  if (static_cast<std::size_t>(r) < sizeof(frame)) return -1;
  std::memcpy(&h, scratch.data(), sizeof h);
  int fd = -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
  if (h.flags & kFlagMemfd) {
    if (fd < 0) return -1;
    payload.resize(h.len);
    if (h.len) {
      void* p = ::mmap(nullptr, h.len, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        return -1;
      }
      std::memcpy(payload.data(), p, h.len);
      ::munmap(p, h.len);
    }
    ::close(fd);
  } else {
    if (fd >= 0) ::close(fd);
    payload.assign(scratch.data() + sizeof h, static_cast<std::size_t>(r) - sizeof h);
  }
  return 1;
}

[[noreturn]] void worker_main(int sock) {
  std::string payload, scratch;
  writer out;
  for (;;) {
    frame h;
    if (recv_frame(sock, h, payload, scratch) <= 0 || h.tramp == 0) ::_exit(0);
    frame r;
    r.id = h.id;
    out.buffer().clear();
    const std::uint64_t w0 = clock_ns(CLOCK_MONOTONIC), c0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    try {
      reader in(payload.data(), payload.size());
      reinterpret_cast<trampoline_fn>(h.tramp)(reinterpret_cast<void*>(h.fn), in, out);
    } catch (const std::exception& e) {
      r.status = 1;
      out.buffer() = e.what();
    } catch (...) {
      r.status = 1;
      out.buffer() = "unknown exception";
    }
    r.wall_ns = clock_ns(CLOCK_MONOTONIC) - w0;
    r.cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID) - c0;
    if (!send_frame(sock, r, out.buffer())) ::_exit(0);
  }
}

std::string describe_death(pid_t pid, const siginfo_t& si) {
  std::string who = "concur::process_pool: worker " + std::to_string(pid);
  if (si.si_code == CLD_EXITED) return who + " exited with code " + std::to_string(si.si_status) + " while running a task";
  const char* abbrev = ::sigabbrev_np(si.si_status);
  const char* desc = ::strsignal(si.si_status);
  return who + " killed by signal SIG" + std::string(abbrev ? abbrev : "?") + " (" + (desc ? desc : "") + ")";
}


}  // namespace concur::detail
