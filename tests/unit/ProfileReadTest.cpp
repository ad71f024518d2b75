// readProfile on hostile input (classify/Profile.h). Cases found by
// tests/fuzz/fuzz_profile.cpp; the inputs are kept in
// tests/fuzz/regressions/profile-*.
#include "classify/Profile.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace concur {
namespace {

std::optional<Profile> read(const std::string &text, std::string &error) {
  llvm::SmallString<128> path;
  int fd;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("concur-profile", "json", fd, path));
  {
    llvm::raw_fd_ostream os(fd, true);
    os << text;
  }
  return readProfile(std::string(path), error);
}

std::string entryWithCpu(const std::string &cpu) {
  return R"json({"version":1,"functions":{"f()":{"kind":"thread","calls":1,"wall_ns":1,"cpu_ns":)json" + cpu +
         R"json(,"blocked_ns":0}}})json";
}

// A count beyond uint64_t was converted anyway: undefined behaviour
// (UBSan: 'inf is outside the range of representable values').
TEST(ProfileReadTest, CountsTooLargeForUint64AreErrors) {
  for (const char *cpu : {"1e309", "1e20", "18446744073709551616", "18446744073709551616.0"}) {
    std::string error;
    EXPECT_FALSE(read(entryWithCpu(cpu), error)) << cpu;
    EXPECT_NE(error.find("'cpu_ns' must be a non-negative number"), std::string::npos) << cpu << ": " << error;
  }
}

TEST(ProfileReadTest, LargestCountsAreRead) {
  std::string error;
  auto profile = read(entryWithCpu("18446744073709551615"), error);
  ASSERT_TRUE(profile) << error;
  EXPECT_EQ(profile->entries.at(0).cpuNs, 18446744073709551615ull);
  profile = read(entryWithCpu("1.5e19"), error);
  ASSERT_TRUE(profile) << error;
  EXPECT_EQ(profile->entries.at(0).cpuNs, 15000000000000000000ull);
}

} // namespace
} // namespace concur
