#include "driver/TUAnalysis.h"

#include "driver/Inputs.h"
#include "facts/TUExtractor.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace concur {

using namespace clang;

namespace {

/// Keeps errors (and their notes) only: warnings of the user's build are not
/// ours to report.
class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(std::string file) : file_(std::move(file)), os_(text_), printer_(os_, options()) {}

  void BeginSourceFile(const LangOptions &lang, const Preprocessor *pp) override {
    printer_.BeginSourceFile(lang, pp);
  }
  void EndSourceFile() override { printer_.EndSourceFile(); }
  // The base class's counters are not updated: they would make clang print
  // 'N errors generated.' on its own, while every error is ours to print.
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic &info) override {
    if (level >= DiagnosticsEngine::Error) {
      inError_ = true;
      sawError_ = true;
      if (first_.empty())
        first_ = describe(info);
    } else if (level != DiagnosticsEngine::Note) {
      inError_ = false;
    }
    if (!inError_)
      return;
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      printer_.HandleDiagnostic(level, info);
    } else {
      // The driver's errors (an unknown flag) have no location: name the
      // file whose command carries them.
      llvm::SmallString<128> message;
      info.FormatDiagnostic(message);
      os_ << file_ << ": " << (level == DiagnosticsEngine::Note ? "note: " : "error: ") << message
          << " (in its compile command)\n";
    }
  }

  std::string text() {
    os_.flush();
    return text_;
  }
  const std::string &firstError() const { return first_; }
  bool sawError() const { return sawError_; }

private:
  std::string describe(const Diagnostic &info) const {
    llvm::SmallString<128> message;
    info.FormatDiagnostic(message);
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      PresumedLoc loc = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (loc.isValid())
        return std::string(loc.getFilename()) + ":" + std::to_string(loc.getLine()) + ":" +
               std::to_string(loc.getColumn()) + ": " + std::string(message);
    }
    return std::string(message) + " (in the compile command)";
  }
  static DiagnosticOptions *options() {
    auto *opts = new DiagnosticOptions();
    opts->ShowColors = false;
    return opts;
  }
  std::string file_;
  std::string text_;
  llvm::raw_string_ostream os_;
  TextDiagnosticPrinter printer_;
  std::string first_;
  bool inError_ = false;
  bool sawError_ = false;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const Catalog &catalog, TUResult &result) : catalog_(catalog), result_(result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    struct Consumer : ASTConsumer {
      ExtractAction &action;
      explicit Consumer(ExtractAction &a) : action(a) {}
      void HandleTranslationUnit(ASTContext &ctx) override {
        // An AST with errors may be missing whole functions: do not draw
        // conclusions from it.
        if (ctx.getDiagnostics().hasErrorOccurred())
          return;
        action.result_.summary = extractTU(ctx, action.catalog_);
        action.result_.ok = true;
      }
    };
    return std::make_unique<Consumer>(*this);
  }

private:
  const Catalog &catalog_;
  TUResult &result_;
};

class ExtractFactory : public tooling::FrontendActionFactory {
public:
  ExtractFactory(const Catalog &catalog, TUResult &result) : catalog_(catalog), result_(result) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ExtractAction>(catalog_, result_);
  }

private:
  const Catalog &catalog_;
  TUResult &result_;
};

} // namespace

namespace {

/// The link unit of a compile command: CMake's object files live in
/// 'CMakeFiles/<target>.dir/', which names the target they are linked into.
std::string linkUnitOf(const tooling::CompileCommand &command) {
  std::string output = command.Output;
  for (size_t i = 0; output.empty() && i + 1 < command.CommandLine.size(); ++i)
    if (command.CommandLine[i] == "-o")
      output = command.CommandLine[i + 1];
  const std::string marker = "CMakeFiles/";
  size_t start = output.find(marker);
  if (start == std::string::npos)
    return {};
  start += marker.size();
  size_t end = output.find(".dir/", start);
  if (end == std::string::npos)
    return {};
  // Relative to the build directory, which tells two builds' targets apart.
  return command.Directory + ":" + output.substr(start, end - start);
}

} // namespace

TUResult analyseTU(const std::string &file, const tooling::CompilationDatabase &db,
                   const Catalog &catalog) {
  TUResult result;
  result.file = file;
  ErrorCollector errors(file);
  bool completed = false;
  llvm::CrashRecoveryContext crashGuard;
  bool survived = crashGuard.RunSafely([&] {
    // Each TU gets a file system of its own, whose working directory is the
    // compile command's 'directory'. The default (the real file system)
    // would chdir the whole process, under the other threads' feet.
    tooling::ClangTool tool(db, {file}, std::make_shared<PCHContainerOperations>(),
                            llvm::vfs::createPhysicalFileSystem());
    tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        ("-resource-dir=" + clangResourceDir()).c_str(), tooling::ArgumentInsertPosition::BEGIN));
    // Compiler warnings are the build's business; -w keeps parsing quiet and fast.
    tool.appendArgumentsAdjuster(
        tooling::getInsertArgumentAdjuster("-w", tooling::ArgumentInsertPosition::END));
    tool.setDiagnosticConsumer(&errors);
    tool.setPrintErrorMessage(false);
    ExtractFactory factory(catalog, result);
    int status = tool.run(&factory);
    completed = status == 0 || result.ok;
  });
  // An error anywhere (the driver's included) means facts from a compile
  // that is not the user's: the file fails.
  if (survived && errors.sawError())
    result.ok = false;
  if (!survived) {
    result.ok = false;
    result.errorMessage = "concur crashed while analysing this file (please report it)";
    result.errorText = file + ": error: " + result.errorMessage + "\n";
    return result;
  }
  if (result.ok) {
    std::vector<tooling::CompileCommand> commands = db.getCompileCommands(file);
    if (!commands.empty())
      result.summary.linkUnit = linkUnitOf(commands.front());
  }
  if (!result.ok) {
    result.errorText = errors.text();
    result.errorMessage = errors.firstError().empty()
                              ? (completed ? "no facts extracted" : "the file could not be parsed")
                              : errors.firstError();
    if (result.errorText.empty())
      result.errorText = file + ": error: " + result.errorMessage + "\n";
  }
  return result;
}

} // namespace concur
