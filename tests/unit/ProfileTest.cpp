#include "classify/Classifier.h"
#include "classify/Measured.h"
#include "classify/ProfileNames.h"

#include <gtest/gtest.h>

namespace concur {
namespace {

std::string key(const char *demangled) { return profileNameKey(demangled).key; }

TEST(ProfileNamesTest, DropsParametersQualifiersAndReturnType) {
  EXPECT_EQ(key("app::parse(std::__cxx11::basic_string<char, std::char_traits<char>, "
                "std::allocator<char> > const&)"),
            "app::parse");
  EXPECT_EQ(key("app::Server::handle(int) const &"), "app::Server::handle");
  EXPECT_EQ(key("int app::sum<int>(std::vector<int, std::allocator<int> > const&)"), "app::sum");
  EXPECT_EQ(key("std::vector<int, std::allocator<int> > app::make<int>(unsigned long)"), "app::make");
  EXPECT_EQ(key("app::name[abi:cxx11]() [clone .cold]"), "app::name");
  EXPECT_EQ(key("app::handle(int) (.resume)"), "app::handle");
  EXPECT_EQ(key("crunch"), "crunch"); // a C function, or a symbol the demangler left alone
}

TEST(ProfileNamesTest, KeepsScopesAndDropsTemplateArguments) {
  EXPECT_EQ(key("app::(anonymous namespace)::hidden(int)"), "app::(anonymous namespace)::hidden");
  EXPECT_EQ(key("app::Box<std::pair<int, int> >::get() const"), "app::Box::get");
  EXPECT_EQ(functionNameKey("app::Box<std::pair<int, int>>::get"), "app::Box::get");
  EXPECT_EQ(functionNameKey("app::(anonymous namespace)::hidden"), "app::(anonymous namespace)::hidden");
}

TEST(ProfileNamesTest, OperatorsAreNotBrackets) {
  EXPECT_EQ(key("app::Server::operator<(app::Server const&) const"), "app::Server::operator<");
  EXPECT_EQ(key("app::Out& app::operator<< <int>(app::Out&, int)"), "app::operator<<");
  EXPECT_EQ(key("app::Box<int>::operator bool() const"), "app::Box::operator bool");
  EXPECT_EQ(key("app::Fn::operator()(int, char) const"), "app::Fn::operator()");
  EXPECT_EQ(functionNameKey("app::Server::operator<"), "app::Server::operator<");
}

TEST(ProfileNamesTest, ParameterCount) {
  EXPECT_EQ(profileNameKey("f()").arity, 0);
  EXPECT_EQ(profileNameKey("f(void)").arity, 0);
  EXPECT_EQ(profileNameKey("f(std::map<int, int>, void (*)(int, int))").arity, 2);
  EXPECT_EQ(profileNameKey("main::$_0").arity, -1);
}

TEST(ProfileNamesTest, Lambdas) {
  NameKey clang = profileNameKey("main::$_0::operator()(int) const");
  EXPECT_EQ(clang.key, "main::(lambda)");
  EXPECT_TRUE(clang.lambda);
  EXPECT_EQ(clang.lambdaOrdinal, 0);
  EXPECT_EQ(clang.arity, 1);
  NameKey itanium = profileNameKey("app::run()::{lambda(int, int)#2}");
  EXPECT_EQ(itanium.key, "app::run::(lambda)");
  EXPECT_EQ(itanium.lambdaOrdinal, 2);
  EXPECT_EQ(itanium.arity, 2);
  EXPECT_EQ(functionNameKey("app::run::(lambda at /src/a.cpp:3:12)"), "app::run::(lambda)");
  EXPECT_FALSE(profileNameKey("app::run()").lambda);
  EXPECT_EQ(key("app::tpl<int>(int)::{lambda()#1}::operator()() const"), "app::tpl::(lambda)");
  EXPECT_EQ(key("app::X::m(int) const::$_3::operator()(int) const"), "app::X::m::(lambda)");
  EXPECT_EQ(key("main::{lambda()#1}"), "main::(lambda)"); // a pool job's closure type
}

TEST(ProfileNamesTest, LocalClasses) {
  EXPECT_EQ(key("app::run(int)::Local::f()"), "app::run::Local::f");
  EXPECT_EQ(functionNameKey("app::run(int)::Local::f"), "app::run::Local::f");
}

Measurement measurement(uint64_t calls, uint64_t wall, uint64_t cpu) {
  return {WorkKind::Neutral, calls, wall, cpu, wall - cpu};
}

TEST(MeasuredKindTest, SharesOfCpuTime) {
  OptionValues options;
  EXPECT_EQ(measuredKind(measurement(10, 1e9, 9e8), options), WorkKind::Cpu);
  EXPECT_EQ(measuredKind(measurement(10, 1e9, 1e8), options), WorkKind::Io);
  EXPECT_EQ(measuredKind(measurement(10, 1e9, 5e8), options), WorkKind::Mixed);
  EXPECT_EQ(measuredKind(measurement(1e6, 1e9, 9e8), options), WorkKind::Neutral); // 1 us per call
  EXPECT_EQ(measuredKind(measurement(1e6, 1e9, 1e7), options), WorkKind::Io);      // waits, however short
  EXPECT_EQ(measuredKind(measurement(1, 1e5, 1e5), options), std::nullopt);       // too short to judge
  options.set("concur-classification.MeasuredCpuShare", 0.95);
  EXPECT_EQ(measuredKind(measurement(10, 1e9, 9e8), options), WorkKind::Mixed);
}

TEST(MeasuredKindTest, MergeWinsAndExplains) {
  Verdict v;
  v.kind = WorkKind::Io;
  v.confidence = 0.6;
  v.waitNs = 2e7;
  v.recommendation = Recommendation::Async;
  v.evidence.push_back({"calls 'sleep_for'", {}, {}, 2e7});
  Measurement m = measurement(1200, 3.1e9, 2.976e9);
  m.kind = WorkKind::Cpu;
  mergeMeasurement(v, m, {"/src/a.cpp", 3, 1, 0}, "profile.json");
  EXPECT_EQ(v.kind, WorkKind::Cpu);
  EXPECT_EQ(v.recommendation, Recommendation::Threads);
  EXPECT_GE(v.confidence, 0.95);
  ASSERT_EQ(v.evidence.size(), 2u);
  EXPECT_EQ(v.evidence[0].message, "measured: 96% CPU over 1200 calls, 3.1 s wall (profile.json)");
  EXPECT_NE(v.rationale.find("the static estimate was io"), std::string::npos) << v.rationale;
  ASSERT_TRUE(v.measured);
  EXPECT_EQ(v.measured->calls, 1200u);
}

} // namespace
} // namespace concur
