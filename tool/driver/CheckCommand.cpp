#include "driver/CheckCommand.h"

#include "catalog/Catalog.h"
#include "checks/Check.h"
#include "classify/Classifier.h"
#include "classify/Measured.h"
#include "classify/Profile.h"
#include "config/Config.h"
#include "config/ConfigResolver.h"
#include "driver/Executor.h"
#include "driver/Inputs.h"
#include "driver/Invocation.h"
#include "driver/Settings.h"
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
#include <set>
#include <thread>
#include <tuple>

namespace concur {

namespace {

enum ExitCode { Ok = 0, ErrorFinding = 1, BadUsage = 2, TUFailed = 3 };

int usageError(const std::string &message) {
  llvm::errs() << "concur: error: " << message << "\n";
  return BadUsage;
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

void sortReports(std::vector<FunctionReport> &reports) {
  std::sort(reports.begin(), reports.end(), [](const FunctionReport &a, const FunctionReport &b) {
    const auto &x = a.facts->loc, &y = b.facts->loc;
    return std::tie(x.file, x.line, x.column, a.facts->name, a.facts->usr) <
           std::tie(y.file, y.line, y.column, b.facts->name, b.facts->usr);
  });
}

/// The main output, the fixes file and --fix. Every I/O failure is printed
/// with the path and the system's message; false when any happened.
bool writeOutputs(const Invocation &inv, const Results &results) {
  const std::string buildDir = inv.buildPath.empty() ? std::string(llvm::sys::path::parent_path(results.files.front()))
                                                     : inv.buildPath;
  std::string text;
  llvm::raw_string_ostream os(text);
  if (inv.format == "json")
    printJson(results, os);
  else if (inv.format == "yaml")
    printFixesYaml(results, buildDir, os);
  else
    printText(results, os);
  os.flush();
  bool ok = true;
  auto report = [&](llvm::Error err) {
    if (err) {
      llvm::errs() << "concur: error: " << llvm::toString(std::move(err)) << "\n";
      ok = false;
    }
  };
  if (inv.output.empty() || inv.output == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    if (std::error_code ec = llvm::outs().error()) {
      llvm::outs().clear_error(); // reported here, not again at exit
      llvm::errs() << "concur: error: cannot write to standard output: " << ec.message() << "\n";
      ok = false;
    }
  } else {
    report(writeOutputFile(inv.output, text));
  }
  if (!inv.exportFixes.empty()) {
    std::string fixes;
    llvm::raw_string_ostream yaml(fixes);
    printFixesYaml(results, buildDir, yaml);
    report(writeOutputFile(inv.exportFixes, yaml.str()));
  }
  if (inv.fix) {
    FixReport fixed = applyFixes(results.findings);
    for (const auto &skipped : fixed.skipped)
      llvm::errs() << "concur: warning: " << skipped << "\n";
    for (const auto &error : fixed.errors)
      llvm::errs() << "concur: error: " << error << "\n";
    ok &= fixed.errors.empty();
    llvm::errs() << "concur: applied " << fixed.applied << " fix" << (fixed.applied == 1 ? "" : "es")
                 << " in " << fixed.files << " file" << (fixed.files == 1 ? "" : "s") << "\n";
  }
  return ok;
}

int dumpConfigFor(const Invocation &inv, ConfigResolver &resolver, const std::vector<OptionTable> &tables) {
  // The configuration the first file (or the build directory) gets, with
  // the checks as configured (the built-in defaults come first on every run).
  std::string dir = !inv.files.empty() ? std::string(llvm::sys::path::parent_path(inv.files.front()))
                    : !inv.buildPath.empty() ? inv.buildPath : ".";
  ConfigError error;
  const Config *config = resolver.forDirectory(dir.empty() ? "." : dir, error);
  if (!config)
    return usageError("invalid configuration: " + error.str());
  llvm::outs() << dumpConfig(*config, joinGlobs("", config->checks, inv.checks), tables);
  return Ok;
}

/// The model, verdicts and findings of one run, made of one analysis per
/// setting: each file's functions get the verdicts of its own setting's
/// options and catalogue, and each finding is kept from the run of the
/// setting of the file it is reported in.
struct ProgramRuns {
  std::vector<std::unique_ptr<ProgramModel>> models;
  std::vector<std::vector<Verdict>> verdicts;
  std::vector<FunctionReport> functions;
  std::vector<Finding> findings;
  std::optional<ProfileStats> profile;
};

/// Files whose setting matters: where functions are defined and where their
/// calls and loops are (a finding is reported at one of those).
std::vector<std::string> governedFiles(const std::vector<TUSummary> &summaries) {
  std::set<std::string> files;
  for (const TUSummary &summary : summaries)
    for (const FunctionFacts &fn : summary.functions) {
      files.insert(fn.loc.file);
      for (const CallSite &call : fn.calls)
        files.insert(call.loc.file);
      for (const Loop &loop : fn.loops)
        files.insert(loop.loc.file);
    }
  return {files.begin(), files.end()};
}

/// The translation units' main files: their findings are always shown,
/// a header's only when the header filter lets it through.
struct MainFiles {
  std::set<std::string> files;
  explicit MainFiles(const std::vector<TUSummary> &summaries) {
    for (const TUSummary &summary : summaries)
      files.insert(summary.mainFile);
  }
  bool shown(const std::string &file, const HeaderFilter &filter) const {
    return files.count(file) || filter.shows(file);
  }
};

std::optional<std::string> runPerSetting(std::vector<TUSummary> summaries, Settings &settings, const Profile *profile,
                                         PhaseStats &stats, ProgramRuns &out) {
  const MainFiles mainFiles(summaries);
  std::map<std::string, const Setting *> settingOf;
  for (const std::string &file : governedFiles(summaries)) {
    std::string error;
    const Setting *setting = settings.forFile(file, error);
    if (!setting)
      return error;
    settingOf.emplace(file, setting);
  }
  // nullptr for a file no function is in (then the first run decides).
  auto governing = [&](const std::string &file) -> const Setting * {
    auto it = settingOf.find(file);
    return it == settingOf.end() ? nullptr : it->second;
  };
  std::set<const Setting *> needed;
  for (const auto &[file, setting] : settingOf)
    needed.insert(setting);
  std::vector<const Setting *> used; // in the order settings were first needed: deterministic
  for (const auto &setting : settings.all())
    if (needed.count(setting.get()))
      used.push_back(setting.get());
  if (used.empty())
    used.push_back(settings.all().front().get());

  NolintFilter nolint;
  for (size_t k = 0; k < used.size(); ++k) {
    const Setting &setting = *used[k];
    const OptionValues &options = setting.config->options;
    // The last run takes the summaries; the others work on copies.
    auto model = std::make_unique<ProgramModel>(k + 1 == used.size() ? std::move(summaries) : summaries,
                                                setting.catalog);
    stats.mark("model");
    std::vector<Verdict> verdicts = classify(*model, options);
    stats.mark("classify");
    // Before the checks: they judge with the merged verdicts.
    if (profile) {
      ProfileStats stats = applyProfile(*profile, *model, options, verdicts);
      if (k == 0)
        out.profile = stats;
    }
    CheckContext ctx{*model, verdicts, options};
    std::vector<Finding> findings;
    for (const CheckInfo &info : checkRegistry())
      if (setting.enabled.contains(info.name))
        info.create()->run(ctx, findings);
    for (Finding &f : findings) {
      const Setting *owner = governing(f.loc.file);
      if ((owner ? owner != &setting : k != 0) || nolint.suppressed(f) || !mainFiles.shown(f.loc.file, setting.headers))
        continue;
      if (f.severity == Severity::Warning && setting.promoted.contains(f.check))
        f.severity = Severity::Error;
      out.findings.push_back(std::move(f));
    }
    stats.mark("checks");
    out.models.push_back(std::move(model));
    out.verdicts.push_back(std::move(verdicts));
  }
  // Every model has the same functions in the same order (the catalogue
  // changes calls' targets, never which functions there are).
  const ProgramModel &first = *out.models.front();
  for (size_t i = 0; i < first.functions().size(); ++i) {
    const Setting *setting = governing(first.function(int(i)).loc.file);
    size_t k = std::find(used.begin(), used.end(), setting) - used.begin();
    if (k == used.size())
      k = 0;
    out.functions.push_back({&out.models[k]->function(int(i)), &out.verdicts[k][i]});
  }
  sortReports(out.functions);
  // Not subject to --checks, as in clang-tidy: a broken suppression is the
  // user's error whatever is enabled.
  for (Finding &f : nolint.unmatchedMarkers())
    out.findings.push_back(std::move(f));
  sortAndUnique(out.findings);
  return std::nullopt;
}

} // namespace

int runCheck(const std::vector<std::string> &args) {
  for (const std::string &arg : args) {
    if (arg == "--")
      break;
    if (arg == "--help" || arg == "-h") {
      llvm::outs() << checkUsage();
      return Ok;
    }
  }
  Invocation inv;
  if (auto error = parseInvocation(args, inv))
    return usageError(*error);

  const std::vector<OptionTable> tables = allOptionTables();
  ConfigResolver resolver(tables, inv.configFile);
  if (inv.dumpConfig)
    return dumpConfigFor(inv, resolver, tables);

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
  // Every file's configuration is read before anything is analysed.
  Settings settings(resolver, inv);
  std::vector<const Catalog *> catalogs;
  for (const std::string &file : inputs.files) {
    std::string error;
    const Setting *setting = settings.forFile(file, error);
    if (!setting)
      return usageError(error);
    catalogs.push_back(&setting->catalog);
  }

  unsigned jobs = inv.jobs ? inv.jobs : std::max(1u, std::thread::hardware_concurrency());
  bool progress = !inv.quiet && llvm::sys::Process::StandardErrIsDisplayed();
  PhaseStats stats; // CONCUR_STATS=1
  std::vector<TUResult> tus = analyseAll(inputs, catalogs, jobs, progress);
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
  ProgramRuns runs;
  if (auto error = runPerSetting(std::move(summaries), settings, profile ? &*profile : nullptr, stats, runs))
    return usageError(*error);
  results.profile = runs.profile;
  results.functions = std::move(runs.functions);
  results.findings = std::move(runs.findings);

  const bool written = writeOutputs(inv, results);
  stats.mark("output");
  stats.print();
  if (!written)
    return BadUsage;

  if (!results.errors.empty())
    return TUFailed;
  for (const Finding &f : results.findings)
    if (f.severity == Severity::Error)
      return ErrorFinding;
  return Ok;
}

} // namespace concur
