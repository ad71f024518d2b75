#include "classify/Classifier.h"

#include "FactsBuilders.h"
#include "model/ProgramModel.h"

#include <gtest/gtest.h>

namespace concur {
namespace {

using namespace test;

class ClassifierTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::vector<CatalogError> errors;
    ASSERT_TRUE(catalog.loadDirectory(CONCUR_SOURCE_CATALOG_DIR, errors));
  }
  Verdict verdictFor(std::vector<FunctionFacts> functions, const std::string &name) {
    ProgramModel model({tu("/src/a.cpp", std::move(functions))}, catalog);
    auto verdicts = classify(model, options);
    return verdicts[model.find("c:@F@" + name + "#")];
  }
  static CallSite sleepCall(double ns, int loop = -1) {
    CallSite c = apiCall("std::this_thread::sleep_for", loop);
    c.calleeName = "::std::this_thread::sleep_for";
    c.durationNs = ns;
    return c;
  }
  Catalog catalog;
  OptionValues options;
};

TEST_F(ClassifierTest, NothingToDoIsNeutral) {
  EXPECT_EQ(verdictFor({function("f")}, "f").kind, WorkKind::Neutral);
}

TEST_F(ClassifierTest, BlockingCallMakesIo) {
  FunctionFacts f = function("f");
  f.calls.push_back(sleepCall(5e7));
  Verdict v = verdictFor({f}, "f");
  EXPECT_EQ(v.kind, WorkKind::Io);
  EXPECT_EQ(v.recommendation, Recommendation::Async);
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_NE(v.evidence[0].message.find("sleep_for"), std::string::npos);
}

TEST_F(ClassifierTest, HeavyLoopNestMakesCpu) {
  FunctionFacts f = function("f");
  f.loops.push_back(loop(5000, 1));
  f.loops.push_back(loop(5000, 4, 0));
  Verdict v = verdictFor({f}, "f");
  EXPECT_EQ(v.kind, WorkKind::Cpu);
  EXPECT_EQ(v.recommendation, Recommendation::Threads);
}

TEST_F(ClassifierTest, ComparableWaitAndComputationIsMixed) {
  FunctionFacts f = function("f");
  f.loops.push_back(loop(10, 0));
  f.loops.push_back(loop(2e7, 4, 0)); // ~40 ms per round at 0.5 ns/op
  f.calls.push_back(sleepCall(3e7, 0));
  EXPECT_EQ(verdictFor({f}, "f").kind, WorkKind::Mixed);
}

TEST_F(ClassifierTest, CalleeVerdictPropagatesWithTheChain) {
  FunctionFacts leaf = function("leaf"), mid = function("mid"), top = function("top");
  leaf.calls.push_back(sleepCall(1e7));
  mid.calls.push_back(callTo("leaf"));
  top.loops.push_back(loop(100, 1));
  top.calls.push_back(callTo("mid", 0));
  Verdict v = verdictFor({leaf, mid, top}, "top");
  EXPECT_EQ(v.kind, WorkKind::Io);
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].via, (std::vector<std::string>{"mid", "leaf"}));
}

TEST_F(ClassifierTest, UnknownExternalLowersConfidenceWithoutGuessing) {
  FunctionFacts known = function("known"), unknown = function("unknown");
  CallSite call = callTo("mystery");
  call.calleeHasBody = false;
  unknown.calls.push_back(call);
  Verdict a = verdictFor({known}, "known");
  Verdict b = verdictFor({unknown}, "unknown");
  EXPECT_EQ(b.kind, WorkKind::Neutral);
  EXPECT_LT(b.confidence, a.confidence);
  ASSERT_EQ(b.evidence.size(), 1u);
  EXPECT_NE(b.evidence[0].message.find("'mystery'"), std::string::npos);
}

TEST_F(ClassifierTest, MtUnsafeCpuWorkGoesToProcesses) {
  FunctionFacts f = function("f");
  f.loops.push_back(loop(1e7, 4));
  CallSite call = apiCall("strtok", 0);
  call.calleeName = "::strtok";
  f.calls.push_back(call);
  Verdict v = verdictFor({f}, "f");
  EXPECT_EQ(v.kind, WorkKind::Cpu);
  EXPECT_EQ(v.recommendation, Recommendation::Processes);
}

TEST_F(ClassifierTest, ThresholdsAreOptions) {
  FunctionFacts f = function("f");
  f.loops.push_back(loop(-1, 4)); // unknown trip count
  f.loops.push_back(loop(-1, 4, 0));
  EXPECT_EQ(verdictFor({f}, "f").kind, WorkKind::Cpu);
  options.set("concur-classification.AssumedTripCount", 10);
  EXPECT_EQ(verdictFor({f}, "f").kind, WorkKind::Neutral);
}

TEST_F(ClassifierTest, VerdictDoesNotDependOnNames) {
  FunctionFacts a = function("compute_heavy_sleepy_io"), b = function("x");
  a.loops.push_back(loop(4000, 1));
  a.loops.push_back(loop(4000, 3, 0));
  b.loops = a.loops;
  Verdict va = verdictFor({a}, "compute_heavy_sleepy_io"), vb = verdictFor({b}, "x");
  EXPECT_EQ(va.kind, vb.kind);
  EXPECT_EQ(va.confidence, vb.confidence);
  EXPECT_EQ(va.recommendation, vb.recommendation);
}

/// f0 calls f1, ..., f<n-1> sleeps.
static std::vector<FunctionFacts> chain(int n) {
  std::vector<FunctionFacts> fs;
  for (int i = 0; i < n; ++i) {
    FunctionFacts f = function("f" + std::to_string(i));
    if (i + 1 < n)
      f.calls.push_back(callTo("f" + std::to_string(i + 1)));
    fs.push_back(std::move(f));
  }
  CallSite sleep = apiCall("std::this_thread::sleep_for");
  sleep.calleeName = "::std::this_thread::sleep_for";
  sleep.durationNs = 1e7;
  fs.back().calls.push_back(sleep);
  return fs;
}

TEST_F(ClassifierTest, ViaUpToSeventeenCalleesIsInFull) {
  Verdict v = verdictFor(chain(18), "f0");
  ASSERT_FALSE(v.evidence.empty());
  ASSERT_EQ(v.evidence[0].via.size(), 17u);
  EXPECT_EQ(v.evidence[0].via.front(), "f1");
  EXPECT_EQ(v.evidence[0].via.back(), "f17");
}

TEST_F(ClassifierTest, LongerViaKeepsItsEndsAroundAMarker) {
  // 99 callees between f0 and the sleep: f1..f8, a marker for 83, f92..f99.
  Verdict v = verdictFor(chain(100), "f0");
  ASSERT_FALSE(v.evidence.empty());
  const auto &via = v.evidence[0].via;
  ASSERT_EQ(via.size(), 17u);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(via[i], "f" + std::to_string(i + 1));
  EXPECT_EQ(via[8], "... 83 more calls ...");
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(via[9 + i], "f" + std::to_string(92 + i));
  EXPECT_NE(v.evidence[0].message.find("sleep_for"), std::string::npos);
}

TEST_F(ClassifierTest, EvidenceIsTheHeaviestSixWhateverTheCallees) {
  // Ten helpers, each with a loop of a different size; the caller shows the
  // six heaviest, heaviest first, each through its helper.
  std::vector<FunctionFacts> fs;
  FunctionFacts top = function("top");
  for (int i = 0; i < 10; ++i) {
    FunctionFacts h = function("h" + std::to_string(i));
    h.loops.push_back(loop(1000 * (i + 1), 1));
    h.loops.back().loc.line = unsigned(10 + i);
    fs.push_back(h);
    top.calls.push_back(callTo("h" + std::to_string(i)));
  }
  fs.push_back(top);
  Verdict v = verdictFor(fs, "top");
  ASSERT_EQ(v.evidence.size(), 6u);
  for (int k = 0; k < 6; ++k)
    EXPECT_EQ(v.evidence[k].via, (std::vector<std::string>{"h" + std::to_string(9 - k)}));
}

TEST_F(ClassifierTest, LargeCycleIsRecursionWithoutDeepStack) {
  // A ring of 200000 functions: one component, found recursive by an
  // iterative search (a recursive one overflowed the stack).
  std::vector<FunctionFacts> fs;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    FunctionFacts f = function("r" + std::to_string(i));
    f.calls.push_back(callTo("r" + std::to_string((i + 1) % n)));
    fs.push_back(std::move(f));
  }
  fs[0].loops.push_back(loop(10, 1));
  Verdict v = verdictFor(fs, "r0");
  ASSERT_FALSE(v.evidence.empty());
  bool recursion = false;
  for (const Evidence &e : v.evidence)
    recursion |= e.message.find("recursion") != std::string::npos;
  EXPECT_TRUE(recursion);
}

} // namespace
} // namespace concur
