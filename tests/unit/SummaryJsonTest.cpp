#include "facts/SummaryJson.h"

#include "FactsBuilders.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>

namespace concur {
namespace {

using namespace test;

TUSummary sample() {
  FunctionFacts f = function("ns::f", "/src/a.cpp", 12);
  f.isCoroutine = true;
  f.numParams = 2;
  f.nonblockingDescriptors = {"m:c:@S@sock@FI@fd"};
  f.returnedDescriptor = "v:c:@F@f@fd";
  f.descriptorAliases.push_back({"v:c:@F@f@fd", "call:c:@F@make#"});
  f.loops.push_back(loop(64, 3));
  f.loops.push_back(loop(-1, 2, 0));
  f.loops.back().onPool = true;
  f.loops.back().retry = true;
  f.loops.back().trip = SymbolicValue::parameter(1, 0.5);
  CallSite c = callTo("g", 1, 14);
  c.receiverTypes = {"::std::basic_ifstream", "::std::basic_istream"};
  c.args = {SymbolicValue::constant(3), SymbolicValue(), SymbolicValue::parameter(0)};
  c.callables.push_back({1, "c:@F@cb#", "cb"});
  c.locksHeld = {"v:c:@m"};
  c.durationNs = 1e6;
  c.receiverObject = "::std::cin";
  c.resultDiscarded = true;
  c.argFlags = {"LOCK_NB"};
  c.onPool = true;
  c.startsOnPool = true;
  c.virtualFile = true;
  c.readyArgs = {0, 2};
  c.receiverParam = 1;
  c.argParams = {-1, 0};
  c.resultReady = true;
  c.fdKey = "m:c:@S@sock@FI@fd";
  f.calls.push_back(c);
  Access a;
  a.key = "m:c:@S@W@FI@n";
  a.display = "W::n";
  a.loc = {"/src/a.cpp", 15, 5, 200};
  a.isWrite = true;
  a.base = Access::Base::Member;
  a.locksHeld = {"v:c:@m"};
  f.accesses.push_back(a);
  Suspension s;
  s.kind = Suspension::Kind::Yield;
  s.loc = {"/src/a.cpp", 16, 5, 230};
  s.locksMaybeHeld = {"v:c:@m"};
  f.suspensions.push_back(s);
  return tu("/src/a.cpp", {f});
}

TEST(SummaryJsonTest, RoundTripsEveryField) {
  TUSummary original = sample();
  auto back = summaryFromJson(toJson(original));
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  // Serialising the copy gives the same document: every field survived.
  std::string a, b;
  llvm::raw_string_ostream(a) << toJson(original);
  llvm::raw_string_ostream(b) << toJson(*back);
  EXPECT_EQ(a, b);
  const FunctionFacts &f = back->functions.at(0);
  EXPECT_TRUE(f.isCoroutine);
  EXPECT_EQ(f.loops[1].trip.kind, SymbolicValue::Kind::Param);
  EXPECT_EQ(f.calls[0].callables[0].usr, "c:@F@cb#");
  EXPECT_EQ(f.calls[0].receiverObject, "::std::cin");
  EXPECT_EQ(f.descriptorAliases.at(0).from, "call:c:@F@make#");
  EXPECT_TRUE(f.calls[0].resultDiscarded && f.calls[0].onPool && f.calls[0].startsOnPool && f.calls[0].virtualFile && f.calls[0].resultReady);
  EXPECT_EQ(f.calls[0].readyArgs, (std::vector<int>{0, 2}));
  EXPECT_EQ(f.calls[0].receiverParam, 1);
  EXPECT_EQ(f.calls[0].argParams, (std::vector<int>{-1, 0}));
  EXPECT_EQ(f.calls[0].argFlags, std::vector<std::string>{"LOCK_NB"});
  EXPECT_EQ(f.suspensions[0].kind, Suspension::Kind::Yield);
}

TEST(SummaryJsonTest, RejectsADocumentThatIsNotASummary) {
  auto bad = summaryFromJson(llvm::json::Object{{"format", "other"}});
  EXPECT_FALSE(bool(bad));
  llvm::consumeError(bad.takeError());
}

TEST(SummaryJsonTest, ReportsAMalformedFieldWithItsPath) {
  llvm::json::Value doc = toJson(sample());
  (*doc.getAsObject()->getArray("functions"))[0].getAsObject()->erase("name");
  auto bad = summaryFromJson(doc);
  ASSERT_FALSE(bool(bad));
  EXPECT_NE(llvm::toString(bad.takeError()).find("name"), std::string::npos);
}

TEST(SummaryJsonTest, ReadsBackWhatTheToolWrites) {
  // The binary writes summaries with --summary-dir; the library reads them.
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("concur-summaries", dir));
  std::string xtu = std::string(CONCUR_TEST_INPUTS) + "/classify/Inputs/xtu/";
  std::vector<llvm::StringRef> args = {CONCUR_CONCUR_BINARY, "check", "--quiet",
                                       "--summary-dir", dir, "--", "-std=c++20"};
  std::string a = xtu + "a.cpp", b = xtu + "b.cpp";
  args.insert(args.begin() + 5, {a, b});
  ASSERT_EQ(llvm::sys::ExecuteAndWait(CONCUR_CONCUR_BINARY, args), 0);
  std::error_code ec;
  unsigned read = 0;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    auto summary = readSummary(it->path());
    ASSERT_TRUE(bool(summary)) << llvm::toString(summary.takeError());
    EXPECT_FALSE(summary->functions.empty());
    ++read;
  }
  EXPECT_EQ(read, 2u);
  llvm::sys::fs::remove_directories(dir);
}

TEST(SummaryJsonTest, WriteIsAtomicAndReplaces) {
  llvm::SmallString<128> path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("summary", "json", path));
  ASSERT_FALSE(bool(writeSummary(sample(), std::string(path))));
  ASSERT_FALSE(bool(writeSummary(sample(), std::string(path))));
  auto back = readSummary(std::string(path));
  ASSERT_TRUE(bool(back));
  EXPECT_EQ(back->functions.size(), 1u);
  llvm::sys::fs::remove(path);
}

} // namespace
} // namespace concur
