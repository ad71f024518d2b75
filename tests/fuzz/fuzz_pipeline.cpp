// One source file through everything `concur check` does after reading its
// inputs (driver/CheckCommand.cpp runCheck, in its order): fact extraction
// (driver/TUAnalysis.cpp analyseTU, the real driver path), the program model,
// classify(), every registered check whether enabled by default or not,
// NOLINT filtering, and the three printers to a string. Parse errors are
// expected results; crashes, sanitizer reports and timeouts are bugs.
//
// The seed corpus is the lit tests; they compile against the mock headers
// of tests/lit/Inputs, as their RUN lines do (%mockflags).
#include "FuzzFile.h"

#include "catalog/Catalog.h"
#include "checks/Check.h"
#include "classify/Classifier.h"
#include "driver/TUAnalysis.h"
#include "model/ProgramModel.h"
#include "output/Printers.h"
#include "suppress/Nolint.h"

#include <clang/Tooling/CompilationDatabase.h>

#include <cstdio>

using namespace concur;

namespace {

const Catalog &bundledCatalog() {
  static const Catalog *catalog = [] {
    auto *c = new Catalog; // never freed: it lives as long as the fuzzer
    std::vector<CatalogError> errors;
    if (!c->loadBundled(errors)) {
      for (const auto &e : errors)
        std::fprintf(stderr, "%s\n", e.str().c_str());
      std::abort();
    }
    return c;
  }();
  return *catalog;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const Catalog &catalog = bundledCatalog();
  const std::string file = fuzz::writeInput("input.cpp", data, size);
  clang::tooling::FixedCompilationDatabase db(
      ".", {"-std=c++20", "-nostdinc++", "-isystem", CONCUR_FUZZ_MOCK_HEADERS, "-fsyntax-only"});
  TUResult tu = analyseTU(file, db, catalog);

  Results results;
  results.files.push_back(tu.file);
  std::vector<TUSummary> summaries;
  if (tu.ok)
    summaries.push_back(std::move(tu.summary));
  else
    results.errors.push_back({tu.file, tu.errorMessage});
  ProgramModel model(std::move(summaries), catalog);
  const OptionValues options; // every option at its default
  std::vector<Verdict> verdicts = classify(model, options);
  for (size_t i = 0; i < model.functions().size(); ++i)
    results.functions.push_back({&model.function(int(i)), &verdicts[i]});

  CheckContext ctx{model, verdicts, options};
  std::vector<Finding> findings;
  for (const CheckInfo &info : checkRegistry())
    info.create()->run(ctx, findings);
  NolintFilter nolint;
  for (Finding &f : findings)
    if (!nolint.suppressed(f))
      results.findings.push_back(std::move(f));
  for (Finding &f : nolint.unmatchedMarkers())
    results.findings.push_back(std::move(f));
  sortAndUnique(results.findings);

  std::string out;
  llvm::raw_string_ostream os(out);
  printJson(results, os);
  printText(results, os);
  printFixesYaml(results, ".", os);
  // Replaying one input: CONCUR_FUZZ_VERBOSE=1 shows whether it parsed and
  // what came out (a seed that does not parse tests little).
  if (std::getenv("CONCUR_FUZZ_VERBOSE"))
    std::fprintf(stderr, "parsed: %s, functions: %zu, findings: %zu\n%s%s\n", tu.ok ? "yes" : "no",
                 results.functions.size(), results.findings.size(), tu.errorText.c_str(), out.c_str());
  return 0;
}
