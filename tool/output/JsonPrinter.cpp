#include "output/Printers.h"

#include <llvm/Support/JSON.h>

#include <map>

namespace concur {

using llvm::json::Array;
using llvm::json::Object;

namespace {

Object functionJson(const FunctionReport &report) {
  const FunctionFacts &f = *report.facts;
  const Verdict &v = *report.verdict;
  Array evidence;
  for (const Evidence &e : v.evidence) {
    Array via(e.via);
    evidence.push_back(Object{{"message", e.message}, {"file", e.loc.file},
                              {"line", e.loc.line}, {"via", std::move(via)}});
  }
  return Object{{"name", f.name}, {"usr", f.usr}, {"file", f.loc.file}, {"line", f.loc.line},
                {"column", f.loc.column}, {"is_coroutine", f.isCoroutine},
                {"kind", kindName(v.kind)}, {"confidence", v.confidence},
                {"evidence", std::move(evidence)},
                {"recommendation", recommendationName(v.recommendation)},
                {"rationale", v.rationale}};
}

Object findingJson(const Finding &f) {
  Array notes, fixes;
  for (const Note &n : f.notes)
    notes.push_back(Object{{"file", n.loc.file}, {"line", n.loc.line}, {"column", n.loc.column},
                           {"message", n.message}});
  for (const Fix &x : f.fixes)
    fixes.push_back(Object{{"file", x.file}, {"offset", x.offset}, {"length", x.length},
                           {"replacement", x.replacement}});
  return Object{{"check", f.check}, {"severity", severityName(f.severity)}, {"file", f.loc.file},
                {"line", f.loc.line}, {"column", f.loc.column}, {"message", f.message},
                {"function", f.function}, {"notes", std::move(notes)}, {"fixes", std::move(fixes)}};
}

} // namespace

void printJson(const Results &results, llvm::raw_ostream &os) {
  Array files(results.files);
  Array errors, functions, diagnostics;
  for (const TUError &e : results.errors)
    errors.push_back(Object{{"file", e.file}, {"message", e.message}});
  std::map<std::string, int64_t> byKind, byCheck;
  for (const FunctionReport &r : results.functions) {
    functions.push_back(functionJson(r));
    ++byKind[kindName(r.verdict->kind)];
  }
  for (const Finding &f : results.findings) {
    diagnostics.push_back(findingJson(f));
    ++byCheck[f.check];
  }
  Object kinds, checks;
  for (const auto &[k, n] : byKind) kinds[k] = n;
  for (const auto &[k, n] : byCheck) checks[k] = n;
  Object doc{{"version", 1},
             {"tool", Object{{"name", "concur"}, {"version", CONCUR_VERSION}}},
             {"files", std::move(files)},
             {"errors", std::move(errors)},
             {"functions", std::move(functions)},
             {"diagnostics", std::move(diagnostics)},
             {"summary", Object{{"functions", int64_t(results.functions.size())},
                                {"by_kind", std::move(kinds)},
                                {"by_check", std::move(checks)}}}};
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(doc))) << "\n";
}

} // namespace concur
