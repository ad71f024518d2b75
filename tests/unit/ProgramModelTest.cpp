#include "model/ProgramModel.h"

#include "model/BlockingReach.h"

#include "FactsBuilders.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace concur {
namespace {

using namespace test;

TEST(ProgramModelTest, MergesFunctionsByUsrAcrossTUs) {
  FunctionFacts inlineHelper = function("helper", "/src/h.h");
  FunctionFacts caller = function("caller", "/src/b.cpp");
  caller.calls.push_back(callTo("helper"));
  Catalog catalog;
  ProgramModel model({tu("/src/b.cpp", {inlineHelper, caller}), tu("/src/a.cpp", {inlineHelper})},
                     catalog);
  EXPECT_EQ(model.functions().size(), 2u);
  int helper = model.find("c:@F@helper#");
  ASSERT_GE(helper, 0);
  int callerIndex = model.find("c:@F@caller#");
  ASSERT_EQ(model.callees(callerIndex).size(), 1u);
  EXPECT_EQ(model.callees(callerIndex)[0].callee, helper);
}

TEST(ProgramModelTest, SccsComeCalleesFirstWithCyclesTogether) {
  FunctionFacts a = function("a"), b = function("b"), c = function("c"), d = function("d");
  a.calls.push_back(callTo("b"));
  b.calls.push_back(callTo("c"));
  c.calls.push_back(callTo("b")); // b <-> c
  c.calls.push_back(callTo("d"));
  Catalog catalog;
  ProgramModel model({tu("/src/a.cpp", {a, b, c, d})}, catalog);
  const auto &sccs = model.sccsBottomUp();
  ASSERT_EQ(sccs.size(), 3u);
  auto position = [&](const std::string &name) {
    int f = model.find("c:@F@" + name + "#");
    return model.sccOf(f);
  };
  EXPECT_EQ(position("b"), position("c"));
  EXPECT_LT(position("d"), position("b"));
  EXPECT_LT(position("b"), position("a"));
}

TEST(ProgramModelTest, ConstantsFlowIntoParametersThroughCallers) {
  FunctionFacts top = function("top"), mid = function("mid"), leaf = function("leaf");
  top.calls.push_back(callTo("mid"));
  top.calls.back().args = {SymbolicValue::constant(5000)};
  mid.numParams = 1;
  mid.calls.push_back(callTo("leaf"));
  mid.calls.back().args = {SymbolicValue::parameter(0, 2)}; // leaf(2 * n)
  leaf.numParams = 1;
  Catalog catalog;
  ProgramModel model({tu("/src/a.cpp", {top, mid, leaf})}, catalog);
  EXPECT_EQ(model.paramBound(model.find("c:@F@mid#"), 0), 5000);
  EXPECT_EQ(model.paramBound(model.find("c:@F@leaf#"), 0), 10000);
}

TEST(ProgramModelTest, VirtualCallsReachEveryOverrider) {
  FunctionFacts base = function("Base::run"), derived = function("Derived::run"),
                user = function("user");
  derived.overrides = {base.usr};
  CallSite call = callTo("Base::run");
  call.isVirtual = true;
  user.calls.push_back(call);
  Catalog catalog;
  ProgramModel model({tu("/src/a.cpp", {base, derived, user})}, catalog);
  const CallTarget &target = model.target(model.find(user.usr), 0);
  EXPECT_EQ(target.kind, CallTarget::Kind::Function);
  EXPECT_EQ(target.functions.size(), 2u);
}

TEST(ProgramModelTest, VirtualCallsReachOnlyOverridesOfConstructedClasses) {
  FunctionFacts base = function("Base::run"), file = function("File::run"), memory = function("Memory::run"),
                user = function("user");
  file.overrides = memory.overrides = {base.usr};
  file.overriderClass = "c:@S@File";
  memory.overriderClass = "c:@S@Memory";
  CallSite call = callTo("Base::run");
  call.isVirtual = true;
  user.calls.push_back(call);
  Catalog catalog;
  TUSummary a = tu("/src/a.cpp", {base, file, memory}), b = tu("/src/b.cpp", {user});
  b.constructedClasses = {"c:@S@Memory"}; // made in another TU than the class
  ProgramModel model({a, b}, catalog);
  const int u = model.find(user.usr), m = model.find(memory.usr);
  const CallTarget &target = model.target(u, 0);
  EXPECT_EQ(target.overriders, std::vector<int>{m});
  EXPECT_TRUE(target.byConstruction);
  EXPECT_NE(model.dispatchNote(u, 0, m).find("of a class the program constructs"), std::string::npos);
  EXPECT_EQ(model.dispatchNote(u, 0, model.find(base.usr)), "");
}

TEST(ProgramModelTest, CallablePassedToSpawnApiIsASpawnNotACall) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  ASSERT_TRUE(catalog.loadDirectory(CONCUR_SOURCE_CATALOG_DIR, errors));
  FunctionFacts body = function("body"), spawner = function("spawner");
  CallSite ctor = apiCall("std::thread::thread");
  ctor.calleeName = "::std::thread::thread";
  ctor.callables.push_back({0, body.usr, "body"});
  spawner.calls.push_back(ctor);
  ProgramModel model({tu("/src/a.cpp", {body, spawner})}, catalog);
  EXPECT_TRUE(model.callees(model.find(spawner.usr)).empty());
  ASSERT_EQ(model.spawns().size(), 1u);
  EXPECT_EQ(model.spawns()[0].started, model.find(body.usr));
}

TEST(ProgramModelTest, BlockingChainsAreCompleteAndTheirEndsCheap) {
  // serve calls f0, f<i> calls f<i+1>, f<n-1> sleeps: 5001 steps.
  std::vector<CatalogError> errors;
  Catalog catalog;
  ASSERT_TRUE(catalog.loadDirectory(CONCUR_SOURCE_CATALOG_DIR, errors));
  const int n = 5000;
  std::vector<FunctionFacts> fs;
  FunctionFacts serve = function("serve");
  serve.isCoroutine = true;
  serve.calls.push_back(callTo("f0"));
  fs.push_back(serve);
  for (int i = 0; i < n; ++i) {
    FunctionFacts f = function("f" + std::to_string(i));
    if (i + 1 < n) {
      f.calls.push_back(callTo("f" + std::to_string(i + 1)));
    } else {
      CallSite sleep = apiCall("std::this_thread::sleep_for");
      sleep.calleeName = "::std::this_thread::sleep_for";
      f.calls.push_back(sleep);
    }
    fs.push_back(std::move(f));
  }
  ProgramModel model({tu("/src/a.cpp", fs)}, catalog);
  BlockingReach reach(model);
  int s = model.find("c:@F@serve#");
  std::vector<BlockingStep> full = reach.chainFrom(s, 0);
  ASSERT_EQ(full.size(), size_t(n) + 1);
  EXPECT_TRUE(reach.blocksDirectly(full.back().function, full.back().site));
  EXPECT_EQ(model.function(full.back().function).name, "f4999");
  ChainEnds ends = reach.chainEnds(s, 0, 9, 8);
  EXPECT_EQ(ends.length, full.size());
  ASSERT_EQ(ends.head.size(), 9u);
  ASSERT_EQ(ends.tail.size(), 8u);
  for (size_t i = 0; i < 9; ++i)
    EXPECT_EQ(ends.head[i].function, full[i].function);
  for (size_t i = 0; i < 8; ++i)
    EXPECT_EQ(ends.tail[i].function, full[full.size() - 8 + i].function);
  // A short chain: both ends are the whole chain.
  ChainEnds shortEnds = reach.chainEnds(model.find("c:@F@f4997#"), 0, 9, 8);
  EXPECT_EQ(shortEnds.length, 3u);
  EXPECT_EQ(shortEnds.head.size(), 3u);
  EXPECT_EQ(shortEnds.tail.size(), 3u);
}

} // namespace
} // namespace concur
