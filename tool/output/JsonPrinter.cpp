#include "output/Printers.h"

#include <llvm/Support/Format.h>
#include <llvm/Support/JSON.h>

#include <map>

namespace concur {

namespace {

using llvm::json::OStream;

/// Numbers like a confidence of 0.9 print as 0.9, not 0.90000000000000002.
void number(OStream &j, double value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.6g", value);
  j.rawValue(os.str());
}

void location(OStream &j, const SourceLoc &loc, bool withColumn = true) {
  j.attribute("file", loc.file);
  j.attribute("line", int64_t(loc.line));
  if (withColumn)
    j.attribute("column", int64_t(loc.column));
}

void measuredJson(OStream &j, const Measurement &m) {
  j.attributeObject("measured", [&] {
    j.attribute("kind", kindName(m.kind));
    j.attribute("calls", int64_t(m.calls));
    j.attribute("wall_ns", int64_t(m.wallNs));
    j.attribute("cpu_ns", int64_t(m.cpuNs));
    j.attribute("blocked_ns", int64_t(m.blockedNs));
  });
}

void functionJson(OStream &j, const FunctionReport &report) {
  const FunctionFacts &f = *report.facts;
  const Verdict &v = *report.verdict;
  j.object([&] {
    j.attribute("name", f.name);
    j.attribute("usr", f.usr);
    location(j, f.loc);
    j.attribute("is_coroutine", f.isCoroutine);
    j.attribute("kind", kindName(v.kind));
    j.attributeBegin("confidence");
    number(j, v.confidence);
    j.attributeEnd();
    if (v.measured)
      measuredJson(j, *v.measured);
    j.attributeArray("evidence", [&] {
      for (const Evidence &e : v.evidence)
        j.object([&] {
          j.attribute("message", e.message);
          location(j, e.loc, /*withColumn=*/false);
          j.attributeArray("via", [&] {
            for (const auto &step : e.via)
              j.value(step);
          });
        });
    });
    j.attribute("recommendation", recommendationName(v.recommendation));
    j.attribute("rationale", v.rationale);
  });
}

void findingJson(OStream &j, const Finding &f) {
  j.object([&] {
    j.attribute("check", f.check);
    j.attribute("severity", severityName(f.severity));
    location(j, f.loc);
    j.attribute("message", f.message);
    j.attribute("function", f.function);
    j.attributeArray("notes", [&] {
      for (const Note &n : f.notes)
        j.object([&] {
          location(j, n.loc);
          j.attribute("message", n.message);
        });
    });
    j.attributeArray("fixes", [&] {
      for (const Fix &x : f.fixes)
        j.object([&] {
          j.attribute("file", x.file);
          j.attribute("offset", int64_t(x.offset));
          j.attribute("length", int64_t(x.length));
          j.attribute("replacement", x.replacement);
        });
    });
  });
}

} // namespace

void printJson(const Results &results, llvm::raw_ostream &os) {
  std::map<std::string, int64_t> byKind, byCheck;
  for (const FunctionReport &r : results.functions)
    ++byKind[kindName(r.verdict->kind)];
  for (const Finding &f : results.findings)
    ++byCheck[f.check];
  OStream j(os, 2);
  j.object([&] {
    j.attribute("version", 1);
    j.attributeObject("tool", [&] {
      j.attribute("name", "concur");
      j.attribute("version", CONCUR_VERSION);
    });
    j.attributeArray("files", [&] {
      for (const auto &file : results.files)
        j.value(file);
    });
    j.attributeArray("errors", [&] {
      for (const TUError &e : results.errors)
        j.object([&] {
          j.attribute("file", e.file);
          j.attribute("message", e.message);
        });
    });
    j.attributeArray("functions", [&] {
      for (const FunctionReport &r : results.functions)
        functionJson(j, r);
    });
    j.attributeArray("diagnostics", [&] {
      for (const Finding &f : results.findings)
        findingJson(j, f);
    });
    j.attributeObject("summary", [&] {
      j.attribute("functions", int64_t(results.functions.size()));
      j.attributeObject("by_kind", [&] {
        for (const auto &[k, n] : byKind)
          j.attribute(k, n);
      });
      j.attributeObject("by_check", [&] {
        for (const auto &[k, n] : byCheck)
          j.attribute(k, n);
      });
      if (results.profile)
        j.attributeObject("profile", [&] {
          j.attribute("file", results.profile->file);
          j.attribute("matched", int64_t(results.profile->matched));
          j.attribute("unmatched", int64_t(results.profile->unmatched));
        });
    });
  });
  os << "\n";
}

} // namespace concur
