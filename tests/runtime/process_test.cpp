#include "concur/process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include "concur/event_loop.hpp"
#include "concur/pipe.hpp"

TEST(Process, CapturesOutputAndExitCode) {
  auto o = concur::run(concur::process::run({"sh", "-c", "echo hello; exit 3"}));
  EXPECT_EQ(o.out, "hello\n");
  EXPECT_EQ(o.status.code, 3);
  EXPECT_FALSE(o.status.success());
}

TEST(Process, StdinPipeAndKill) {
  auto r = concur::run([]() -> concur::task<std::string> {
    auto c = concur::process::spawn({"cat"}, {.capture_stdout = true, .pipe_stdin = true});
    co_await c.stdin_pipe().write_all("through cat");
    c.stdin_pipe().close();
    std::string out = co_await c.stdout_pipe().read_to_end();
    auto st = co_await c.wait();
    EXPECT_TRUE(st.success());
    auto s = concur::process::spawn({"sleep", "10"});
    s.kill(SIGTERM);
    auto st2 = co_await s.wait();
    EXPECT_EQ(st2.signal, SIGTERM);
    co_return out;
  }());
  EXPECT_EQ(r, "through cat");
}

TEST(Process, MissingProgramThrows) {
  EXPECT_THROW(concur::process::spawn({"/nonexistent/program"}), std::system_error);
}

TEST(Process, DestructorReapsUnwaitedChild) {
  pid_t pid;
  {
    auto c = concur::process::spawn({"sleep", "10"});
    pid = c.pid();
  }
  EXPECT_EQ(::waitpid(pid, nullptr, WNOHANG), -1);  // already reaped: no zombie
  EXPECT_EQ(errno, ECHILD);
}

TEST(Pipe, ReadWrite) {
  auto s = concur::run([]() -> concur::task<std::string> {
    auto p = concur::pipe::create();
    co_await p.writer.write_all("abc");
    p.writer.close();
    co_return co_await p.reader.read_to_end();
  }());
  EXPECT_EQ(s, "abc");
}
