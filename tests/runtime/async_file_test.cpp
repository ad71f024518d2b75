#include "concur/async_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "concur/event_loop.hpp"

TEST(AsyncFile, WriteAppendRead) {
  std::string path = "/tmp/concur-file-" + std::to_string(::getpid());
  auto s = concur::run([](std::string p) -> concur::task<std::string> {
    co_await concur::async_file::write_all(p, std::string(100000, 'a'));
    co_await concur::async_file::append(p, "tail");
    co_return co_await concur::async_file::read_all(p);
  }(path));
  ::unlink(path.c_str());
  EXPECT_EQ(s.size(), 100004u);
  EXPECT_EQ(s.substr(s.size() - 4), "tail");
}

TEST(AsyncFile, MissingFileThrows) {
  EXPECT_THROW(concur::run(concur::async_file::read_all("/nonexistent/x")), std::system_error);
}
