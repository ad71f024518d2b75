// Small helpers to write program facts by hand in unit tests.
#pragma once

#include "facts/Facts.h"

#include <string>

namespace concur::test {

inline FunctionFacts function(const std::string &name, const std::string &file = "/src/a.cpp",
                              unsigned line = 1) {
  FunctionFacts f;
  f.usr = "c:@F@" + name + "#";
  f.name = name;
  f.loc = {file, line, 1, 0};
  return f;
}

inline CallSite callTo(const std::string &callee, int loop = -1, unsigned line = 2) {
  CallSite c;
  c.calleeUsr = "c:@F@" + callee + "#";
  c.calleeName = "::" + callee;
  c.displayName = callee;
  c.loc = {"/src/a.cpp", line, 3, 0};
  c.loop = loop;
  c.calleeHasBody = true;
  return c;
}

inline CallSite apiCall(const std::string &name, int loop = -1, unsigned line = 2) {
  CallSite c = callTo(name, loop, line);
  c.calleeInSystemHeader = true;
  c.calleeHasBody = false;
  return c;
}

inline Loop loop(double trip, unsigned ops, int parent = -1) {
  Loop l;
  l.trip = trip < 0 ? SymbolicValue() : SymbolicValue::constant(trip);
  l.ops = ops;
  l.parent = parent;
  l.loc = {"/src/a.cpp", 5, 3, 0};
  return l;
}

inline TUSummary tu(const std::string &file, std::vector<FunctionFacts> functions) {
  TUSummary summary;
  summary.mainFile = file;
  summary.functions = std::move(functions);
  return summary;
}

} // namespace concur::test
