#include "facts/TUExtractor.h"

#include "facts/FunctionFactsBuilder.h"
#include "facts/Names.h"
#include "facts/Values.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <set>

namespace concur {

using namespace clang;

namespace {

class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  FunctionFinder(ASTContext &ctx, const Catalog &catalog, TUSummary &out)
      : ctx_(ctx), sm_(ctx.getSourceManager()), catalog_(catalog), out_(out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *decl) {
    // Whole declarations from system headers hold no code of the user's.
    if (decl && !isa<TranslationUnitDecl>(decl) && sm_.isInSystemHeader(decl->getLocation()))
      return true;
    // The function whose parameters a store below may name.
    const FunctionDecl *outer = current_;
    if (const auto *fn = dyn_cast_or_null<FunctionDecl>(decl))
      current_ = fn;
    bool result = RecursiveASTVisitor::TraverseDecl(decl);
    current_ = outer;
    return result;
  }

  bool VisitFunctionDecl(FunctionDecl *fn) {
    consider(fn);
    return true;
  }

  // Constants stored into data members, wherever they are written.
  bool VisitInitListExpr(InitListExpr *list) {
    // The traversal meets the syntactic form; the semantic form lists one
    // initializer per field, in order.
    if (!list->isSemanticForm() && list->getSemanticForm())
      list = list->getSemanticForm();
    const auto *record = list->getType()->getAsRecordDecl();
    if (!record || record->isUnion())
      return true;
    unsigned i = 0;
    for (const FieldDecl *field : record->fields()) {
      if (i >= list->getNumInits())
        break;
      store(field, list->getInit(i++));
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() == BO_Assign)
      if (const auto *member = dyn_cast<MemberExpr>(op->getLHS()->IgnoreParenImpCasts()))
        if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
          store(field, op->getRHS());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *ctor) {
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isMemberInitializer() && init->isWritten())
        store(init->getMember(), init->getInit(), ctor);
    return true;
  }
  // A container member sized or filled in a member function
  // (`px_.resize(n)`, a loop of `items_.push_back`), or assigned one.
  bool VisitMemberExpr(MemberExpr *member) {
    const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
    if (!field || !current_ || current_->isDependentContext() || !current_->getBody() || !filled_.insert({current_, field}).second)
      return true;
    if (!isContainer(field->getType()))
      return true;
    Fill fill = filledSize(field, current_, ctx_);
    if (fill.size.kind != SymbolicValue::Kind::Unknown)
      out_.fieldStores.push_back({usrOf(field), fill.size, usrOf(current_), fill.perCall});
    return true;
  }
  bool VisitFieldDecl(FieldDecl *field) {
    if (field->hasInClassInitializer() && field->getInClassInitializer())
      store(field, field->getInClassInitializer());
    return true;
  }

  // Rapid type analysis: the polymorphic classes whose objects this TU
  // makes. Sema marks a constructor used wherever an object is made,
  // including inside a system header's template (make_unique<T>'s body);
  // a derived constructor uses its bases' constructors.
  bool VisitCXXRecordDecl(CXXRecordDecl *record) {
    if (!record->isThisDeclarationADefinition() || record->isDependentContext() || !record->isPolymorphic())
      return true;
    for (const CXXConstructorDecl *ctor : record->ctors())
      if (ctor->isUsed() || ctor->isReferenced()) {
        constructed_.insert(usrOf(record));
        return true;
      }
    return true;
  }

  std::vector<std::string> constructedClasses() const { return {constructed_.begin(), constructed_.end()}; }

  bool VisitLambdaExpr(LambdaExpr *lambda) {
    CXXMethodDecl *op = lambda->getCallOperator();
    if (FunctionTemplateDecl *generic = op->getDescribedFunctionTemplate()) {
      for (FunctionDecl *spec : generic->specializations())
        consider(spec);
      consider(op); // the pattern: analysed at the end if nothing instantiated it
    } else {
      consider(op);
    }
    return true;
  }

private:
  /// A value stored into `field`: an integer's value, or a container's
  /// element count, in terms of the parameters of the function storing it.
  void store(const FieldDecl *field, const Expr *value, const FunctionDecl *in = nullptr) {
    if (!in)
      in = current_;
    if ((in && in->isDependentContext()) || !evaluable(value))
      return;
    SymbolicValue v;
    if (field->getType()->isIntegerType()) {
      v = symbolicValue(value, in, ctx_);
    } else if (isContainer(field->getType())) {
      // px(n) / px(n, 0.f): a count; items_(items): the size of what is copied.
      const auto *construct = dyn_cast<CXXConstructExpr>(value->IgnoreImplicit());
      if (construct && construct->getNumArgs() >= 1 && construct->getArg(0)->getType()->isIntegerType())
        v = symbolicValue(construct->getArg(0), in, ctx_);
      else
        v = argumentValue(value, in, ctx_);
    }
    if (v.kind != SymbolicValue::Kind::Unknown)
      out_.fieldStores.push_back({usrOf(field), v, v.symbolic() && in ? usrOf(in) : std::string()});
  }

  static bool isContainer(QualType type) {
    return isContainerClass(type.getNonReferenceType()->getAsCXXRecordDecl());
  }

  void consider(const FunctionDecl *fn) {
    if (!fn->doesThisDeclarationHaveABody() || !fn->getBody() ||
        fn->isImplicit() || fn->isDefaulted() || fn->isInvalidDecl())
      return;
    if (sm_.isInSystemHeader(fn->getLocation()) || !seen_.insert(fn).second)
      return;
    if (fn->isDependentContext()) {
      patterns_.push_back(fn);
      return;
    }
    if (const FunctionDecl *pattern = fn->getTemplateInstantiationPattern())
      instantiated_.insert(pattern->getCanonicalDecl());
    out_.functions.push_back(buildFunctionFacts(fn, ctx_, catalog_));
  }

public:
  /// Templates that nothing in the TU instantiates (a header-only library's
  /// function templates, members of a class template nobody calls, generic
  /// lambdas) are analysed from their pattern: their own hazards are real
  /// code, and an instantiation elsewhere reports the same places once.
  void analysePatterns() {
    for (const FunctionDecl *pattern : patterns_)
      if (!instantiated_.count(pattern->getCanonicalDecl()))
        out_.functions.push_back(buildFunctionFacts(pattern, ctx_, catalog_));
  }

private:
  ASTContext &ctx_;
  const SourceManager &sm_;
  const Catalog &catalog_;
  TUSummary &out_;
  std::set<const FunctionDecl *> seen_;
  std::vector<const FunctionDecl *> patterns_;  // templates' patterns, in traversal order
  std::set<const FunctionDecl *> instantiated_; // canonical patterns some instantiation came from
  std::set<std::string> constructed_;
  const FunctionDecl *current_ = nullptr;
  std::set<std::pair<const FunctionDecl *, const FieldDecl *>> filled_; // fill scans done
};

} // namespace

TUSummary extractTU(ASTContext &ctx, const Catalog &catalog) {
  TUSummary summary;
  const SourceManager &sm = ctx.getSourceManager();
  if (auto entry = sm.getFileEntryRefForID(sm.getMainFileID()))
    summary.mainFile = toSourceLoc(sm, sm.getLocForStartOfFile(sm.getMainFileID())).file;
  FunctionFinder finder(ctx, catalog, summary);
  finder.TraverseDecl(ctx.getTranslationUnitDecl());
  finder.analysePatterns();
  summary.constructedClasses = finder.constructedClasses();
  return summary;
}

} // namespace concur
