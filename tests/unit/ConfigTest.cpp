#include "config/Globs.h"
#include "suppress/Nolint.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace concur {
namespace {

TEST(GlobListTest, LastMatchWinsLikeClangTidy) {
  GlobList globs;
  ASSERT_FALSE(GlobList::parse("concur-*,-concur-cpu-*,concur-cpu-in-event-loop", globs));
  EXPECT_TRUE(globs.contains("concur-blocking-in-coroutine"));
  EXPECT_TRUE(globs.contains("concur-cpu-in-event-loop"));
  EXPECT_FALSE(globs.contains("concur-cpu-other"));
  EXPECT_FALSE(globs.contains("misc-foo"));
}

TEST(GlobListTest, RejectsBadGlobs) {
  GlobList globs;
  EXPECT_TRUE(GlobList::parse("concur-*,-", globs).has_value());
  EXPECT_TRUE(GlobList::parse("concur-[a]", globs).has_value());
}

TEST(NolintTest, CommentsSuppressAsClangTidyDoes) {
  llvm::SmallString<128> path;
  int fd;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("nolint", "cpp", fd, path));
  {
    llvm::raw_fd_ostream os(fd, true);
    os << "a(); // NOLINT\n"                       // 1
          "b(); // NOLINT(concur-other)\n"         // 2
          "// NOLINTNEXTLINE(concur-x)\n"          // 3
          "c();\n"                                 // 4
          "// NOLINTBEGIN(concur-*)\n"             // 5
          "d();\n"                                 // 6
          "// NOLINTEND(concur-*)\n"               // 7
          "e();\n";                                // 8
  }
  NolintFilter filter;
  auto at = [&](unsigned line) {
    Finding f;
    f.check = "concur-x";
    f.loc = {std::string(path), line, 1, 0};
    return filter.suppressed(f);
  };
  EXPECT_TRUE(at(1));
  EXPECT_FALSE(at(2));
  EXPECT_TRUE(at(4));
  EXPECT_TRUE(at(6));
  EXPECT_FALSE(at(8));
  llvm::sys::fs::remove(path);
}

} // namespace
} // namespace concur
