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

} // namespace
} // namespace concur
