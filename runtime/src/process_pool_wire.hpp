// process_pool_wire.hpp - the process pool's messages and its worker side
// (internal to the runtime): one frame per message on a SOCK_SEQPACKET socket
// pair, payloads above kInlineMax in a memfd passed with SCM_RIGHTS.
#pragma once

#include <signal.h>
#include <sys/types.h>
#include <time.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace concur::detail {

inline constexpr std::size_t kInlineMax = 32 * 1024;
inline constexpr std::uint32_t kFlagMemfd = 1;

// One frame per message, both directions.
struct frame {
  std::uint64_t len = 0;
  std::uint32_t flags = 0;
  std::uint32_t status = 0;  // reply: 0 ok, 1 exception
  std::uint64_t id = 0;
  std::uint64_t tramp = 0;   // request: 0 means "exit"
  std::uint64_t fn = 0;
  std::uint64_t wall_ns = 0;
  std::uint64_t cpu_ns = 0;
};


std::uint64_t clock_ns(clockid_t c);
// Sends header + payload; false if the socket failed.
bool send_frame(int sock, frame h, const std::string& payload);
// 1: frame received; 0: peer closed; -1: error; -2: nothing to read
// (only with MSG_DONTWAIT in flags).
int recv_frame(int sock, frame& h, std::string& payload, std::string& scratch, int flags = 0);
// The worker process's loop: runs requests until told to exit or the pool
// goes away; never returns.
[[noreturn]] void worker_main(int sock);
// "worker 1234 killed by signal SIGSEGV (Segmentation fault)", or its exit code.
std::string describe_death(pid_t pid, const siginfo_t& si);

}  // namespace concur::detail
