#include "driver/CheckCommand.h"

#include "catalog/Catalog.h"
#include "checks/Check.h"
#include "classify/Classifier.h"
#include "classify/Measured.h"
#include "classify/Profile.h"
#include "config/Config.h"
#include "driver/Executor.h"
#include "driver/Inputs.h"
#include "driver/Invocation.h"
#include "facts/SummaryJson.h"
#include "model/ProgramModel.h"
#include "output/Printers.h"
#include "support/AtomicFile.h"
#include "suppress/Nolint.h"
#include "support/ApplyFixes.h"
#include "support/PhaseStats.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <map>
#include <thread>
#include <tuple>

namespace concur {

namespace {

enum ExitCode { Ok = 0, ErrorFinding = 1, BadUsage = 2, TUFailed = 3 };

int usageError(const std::string &message) {
  llvm::errs() << "concur: error: " << message << "\n";
  return BadUsage;
}

/// The configuration that applies to the files (the nearest .concur.yaml,
/// or the one named with --config-file), keyed by directory.
class ConfigSet {
public:
  explicit ConfigSet(const std::vector<OptionTable> &tables) : tables_(tables) {}

  /// Loads the configuration for `dir`; nullptr and `error` on a bad file.
  const Config *forDirectory(const std::string &dir, const std::string &explicitFile, ConfigError &error) {
    std::string path = explicitFile.empty() ? findConfigAbove(dir) : explicitFile;
    auto it = byPath_.find(path);
    if (it != byPath_.end())
      return &it->second;
    if (path.empty())
      return &byPath_.emplace(path, Config{}).first->second;
    auto config = loadConfig(path, tables_, error);
    if (!config)
      return nullptr;
    return &byPath_.emplace(path, std::move(*config)).first->second;
  }

private:
  const std::vector<OptionTable> &tables_;
  std::map<std::string, Config> byPath_;
};

std::string combine(const std::string &base, const std::optional<std::string> &a,
                    const std::optional<std::string> &b) {
  std::string out = base;
  for (const auto *part : {&a, &b})
    if (*part && !(*part)->empty())
      out += (out.empty() ? "" : ",") + **part;
  return out;
}

bool writeSummaries(const std::vector<TUResult> &results, const std::string &dir) {
  if (auto ec = llvm::sys::fs::create_directories(dir)) {
    llvm::errs() << "concur: error: cannot create '" << dir << "': " << ec.message() << "\n";
    return false;
  }
  for (const TUResult &r : results) {
    if (!r.ok)
      continue;
    llvm::SmallString<256> path(dir);
    std::string name = llvm::sys::path::filename(r.file).str();
    llvm::sys::path::append(path, name + "." + std::to_string(std::hash<std::string>()(r.file)) + ".json");
    if (auto err = writeSummary(r.summary, std::string(path))) {
      llvm::errs() << "concur: error: " << llvm::toString(std::move(err)) << "\n";
      return false;
    }
  }
  return true;
}

std::vector<FunctionReport> functionReports(const ProgramModel &model, const std::vector<Verdict> &verdicts) {
  std::vector<FunctionReport> reports;
  for (size_t i = 0; i < model.functions().size(); ++i)
    reports.push_back({&model.function(int(i)), &verdicts[i]});
  std::sort(reports.begin(), reports.end(), [](const FunctionReport &a, const FunctionReport &b) {
    const auto &x = a.facts->loc, &y = b.facts->loc;
    return std::tie(x.file, x.line, x.column, a.facts->name, a.facts->usr) <
           std::tie(y.file, y.line, y.column, b.facts->name, b.facts->usr);
  });
  return reports;
}

} // namespace

int runCheck(const std::vector<std::string> &args) {
  Invocation inv;
  if (auto error = parseInvocation(args, inv))
    return usageError(*error);

  const std::vector<OptionTable> tables = allOptionTables();
  ConfigSet configs(tables);
  ConfigError configError;
  std::string firstDir = !inv.files.empty() ? std::string(llvm::sys::path::parent_path(inv.files.front()))
                         : !inv.buildPath.empty() ? inv.buildPath : ".";
  if (firstDir.empty())
    firstDir = ".";
  const Config *config = configs.forDirectory(firstDir, inv.configFile, configError);
  if (!config)
    return usageError("invalid configuration: " + configError.str());

  const std::string checksGlob = combine(defaultChecksGlob(), config->checks, inv.checks);
  GlobList enabled, promoted;
  if (auto error = GlobList::parse(checksGlob, enabled))
    return usageError("invalid --checks: " + *error);
  if (auto error = GlobList::parse(combine("", config->warningsAsErrors, inv.warningsAsErrors), promoted))
    return usageError("invalid --warnings-as-errors: " + *error);
  if (inv.dumpConfig) {
    // The checks as configured (the built-in defaults come first on every run).
    llvm::outs() << dumpConfig(*config, combine("", config->checks, inv.checks), tables);
    return Ok;
  }

  Catalog catalog;
  std::vector<CatalogError> catalogErrors;
  catalog.loadDirectory(bundledCatalogDir(), catalogErrors);
  for (const auto &file : config->catalogs)
    catalog.loadFile(file, catalogErrors);
  for (const auto &file : inv.catalogs)
    catalog.loadFile(file, catalogErrors);
  if (!catalogErrors.empty()) {
    for (const auto &e : catalogErrors)
      llvm::errs() << e.str() << ": error: invalid catalogue\n";
    return BadUsage;
  }

  // Read before the analysis, so that a bad profile fails in a second.
  std::optional<Profile> profile;
  if (!inv.profile.empty()) {
    std::string error;
    profile = readProfile(inv.profile, error);
    if (!profile)
      return usageError(error);
  }

  Inputs inputs;
  if (auto error = resolveInputs(inv, inputs))
    return usageError(*error);

  unsigned jobs = inv.jobs ? inv.jobs : std::max(1u, std::thread::hardware_concurrency());
  bool progress = !inv.quiet && llvm::sys::Process::StandardErrIsDisplayed();
  PhaseStats stats; // CONCUR_STATS=1
  std::vector<TUResult> tus = analyseAll(inputs.files, *inputs.database, catalog, jobs, progress);
  if (!inv.summaryDir.empty() && !writeSummaries(tus, inv.summaryDir))
    return BadUsage;

  Results results;
  std::vector<TUSummary> summaries;
  for (TUResult &tu : tus) {
    results.files.push_back(tu.file);
    if (tu.ok)
      summaries.push_back(std::move(tu.summary));
    else
      results.errors.push_back({tu.file, tu.errorMessage});
  }
  stats.mark("parse");
  ProgramModel model(std::move(summaries), catalog);
  stats.mark("model");
  std::vector<Verdict> verdicts = classify(model, config->options);
  stats.mark("classify");
  // Before the checks: they judge with the merged verdicts.
  if (profile)
    results.profile = applyProfile(*profile, model, config->options, verdicts);
  results.functions = functionReports(model, verdicts);
  stats.mark("reports");

  CheckContext ctx{model, verdicts, config->options};
  std::vector<Finding> findings;
  for (const CheckInfo &info : checkRegistry())
    if (enabled.contains(info.name))
      info.create()->run(ctx, findings);
  NolintFilter nolint;
  for (Finding &f : findings) {
    if (nolint.suppressed(f))
      continue;
    if (f.severity == Severity::Warning && promoted.contains(f.check))
      f.severity = Severity::Error;
    results.findings.push_back(std::move(f));
  }
  sortAndUnique(results.findings);
  stats.mark("checks");

  std::error_code ec;
  std::unique_ptr<llvm::raw_fd_ostream> file;
  if (!inv.output.empty()) {
    file = std::make_unique<llvm::raw_fd_ostream>(inv.output, ec);
    if (ec)
      return usageError("cannot write '" + inv.output + "': " + ec.message());
  }
  llvm::raw_ostream &os = file ? static_cast<llvm::raw_ostream &>(*file) : llvm::outs();
  const std::string buildDir = inv.buildPath.empty() ? std::string(llvm::sys::path::parent_path(results.files.front()))
                                                     : inv.buildPath;
  if (inv.format == "json")
    printJson(results, os);
  else if (inv.format == "yaml")
    printFixesYaml(results, buildDir, os);
  else
    printText(results, os);
  os.flush();
  stats.mark("output");
  stats.print();
  if (!inv.exportFixes.empty()) {
    std::string text;
    llvm::raw_string_ostream yaml(text);
    printFixesYaml(results, buildDir, yaml);
    if (auto err = writeFileAtomically(inv.exportFixes, yaml.str()))
      return usageError(llvm::toString(std::move(err)));
  }
  if (inv.fix) {
    FixReport report = applyFixes(results.findings);
    for (const auto &problem : report.problems)
      llvm::errs() << "concur: warning: " << problem << "\n";
    llvm::errs() << "concur: applied " << report.applied << " fix" << (report.applied == 1 ? "" : "es")
                 << " in " << report.files << " file" << (report.files == 1 ? "" : "s") << "\n";
  }

  if (!results.errors.empty())
    return TUFailed;
  for (const Finding &f : results.findings)
    if (f.severity == Severity::Error)
      return ErrorFinding;
  return Ok;
}

} // namespace concur
