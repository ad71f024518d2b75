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

namespace concur {

using namespace clang;

namespace {

/// Keeps errors (and their notes) only: warnings of the user's build are not
/// ours to report.
class ErrorCollector : public DiagnosticConsumer {
public:
  ErrorCollector() : os_(text_), printer_(os_, options()) {}

  void BeginSourceFile(const LangOptions &lang, const Preprocessor *pp) override {
    printer_.BeginSourceFile(lang, pp);
  }
  void EndSourceFile() override { printer_.EndSourceFile(); }
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level >= DiagnosticsEngine::Error) {
      inError_ = true;
      if (first_.empty()) {
        llvm::SmallString<128> message;
        info.FormatDiagnostic(message);
        first_ = std::string(message);
        if (info.getLocation().isValid() && info.hasSourceManager()) {
          PresumedLoc loc = info.getSourceManager().getPresumedLoc(info.getLocation());
          if (loc.isValid())
            first_ = std::string(loc.getFilename()) + ":" + std::to_string(loc.getLine()) + ":" +
                     std::to_string(loc.getColumn()) + ": " + first_;
        }
      }
    } else if (level != DiagnosticsEngine::Note) {
      inError_ = false;
    }
    if (inError_)
      printer_.HandleDiagnostic(level, info);
  }

  std::string text() {
    os_.flush();
    return text_;
  }
  const std::string &firstError() const { return first_; }

private:
  static DiagnosticOptions *options() {
    auto *opts = new DiagnosticOptions();
    opts->ShowColors = false;
    return opts;
  }
  std::string text_;
  llvm::raw_string_ostream os_;
  TextDiagnosticPrinter printer_;
  std::string first_;
  bool inError_ = false;
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

TUResult analyseTU(const std::string &file, const tooling::CompilationDatabase &db,
                   const Catalog &catalog) {
  TUResult result;
  result.file = file;
  ErrorCollector errors;
  bool completed = false;
  llvm::CrashRecoveryContext crashGuard;
  bool survived = crashGuard.RunSafely([&] {
    tooling::ClangTool tool(db, {file});
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
  if (!survived) {
    result.ok = false;
    result.errorMessage = "concur crashed while analysing this file (please report it)";
    result.errorText = file + ": error: " + result.errorMessage + "\n";
    return result;
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
