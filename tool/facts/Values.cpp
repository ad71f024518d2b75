#include "facts/Values.h"

#include "facts/AccessMode.h"
#include "facts/Names.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include <cmath>

namespace concur {

using namespace clang;

namespace {

using Kind = SymbolicValue::Kind;

/// Any integer constant as a double: getExtValue() asserts on values that do
/// not fit in int64_t (unsigned 64-bit hashes, __int128).
double toDouble(const llvm::APSInt &v) {
  return v.isSigned() ? v.signedRoundToDouble() : v.roundToDouble();
}

SymbolicValue scaled(SymbolicValue v, double factor) {
  if (v.kind != Kind::Unknown)
    v.value *= factor;
  return v;
}

std::optional<double> evaluateConstant(const Expr *expr, ASTContext &ctx) {
  if (!evaluable(expr))
    return std::nullopt;
  Expr::EvalResult result;
  if (expr->EvaluateAsInt(result, ctx))
    return toDouble(result.Val.getInt());
  llvm::APFloat f(0.0);
  if (expr->EvaluateAsFloat(f, ctx))
    return f.convertToDouble();
  return std::nullopt;
}

bool isSymbolic(const SymbolicValue &v) { return v.symbolic(); }

/// The product of two values: constants scale, unknown sizes multiply
/// (`w * h` is a monomial of degree 2).
SymbolicValue multiply(const SymbolicValue &l, const SymbolicValue &r) {
  if (l.kind == Kind::Unknown || r.kind == Kind::Unknown)
    return {};
  if (l.kind == Kind::Constant)
    return scaled(r, l.value);
  if (r.kind == Kind::Constant)
    return scaled(l, r.value);
  SymbolicValue v = l;
  v.value *= r.value;
  v.more.push_back({r.param, r.field});
  v.more.insert(v.more.end(), r.more.begin(), r.more.end());
  return v;
}

/// The larger of two sizes of one thing: an unknown size the caller gives
/// outweighs a constant (it is the data; the constant a default).
SymbolicValue larger(const SymbolicValue &a, const SymbolicValue &b) {
  if (a.kind == Kind::Unknown)
    return b;
  if (b.kind == Kind::Unknown)
    return a;
  if (a.kind == Kind::Constant && b.kind == Kind::Constant)
    return a.value >= b.value ? a : b;
  if (a.kind == Kind::Constant)
    return b;
  if (b.kind == Kind::Constant)
    return a;
  return a.degree() >= b.degree() ? a : b;
}

/// Nesting depth of the size queries below: a fill inside a loop asks for
/// the loop's trip, which may ask for another container's size. Per
/// thread: TUs are analysed on several.
thread_local int sizeDepth = 0;
struct SizeDepth {
  SizeDepth() { ++sizeDepth; }
  ~SizeDepth() { --sizeDepth; }
  bool tooDeep() const { return sizeDepth > 4; }
};

SymbolicValue containerSize(const Expr *expr, const FunctionDecl *fn, ASTContext &ctx);
SymbolicValue loopTrip(const Stmt *loop, const FunctionDecl *fn, ASTContext &ctx) { return tripCount(loop, fn, ctx); }

/// Whether `object` names `target` (a local variable, or a data member of
/// any object of its class).
bool names(const Expr *object, const ValueDecl *target) {
  object = object->IgnoreParenImpCasts();
  if (const auto *ref = dyn_cast<DeclRefExpr>(object))
    return ref->getDecl() == target;
  if (const auto *member = dyn_cast<MemberExpr>(object))
    return member->getMemberDecl() == target;
  return false;
}

/// Walks a body for the statements that size a container: `resize(n)`,
/// `reserve(n)`, `assign(n, x)`, an assignment of a container of known
/// size, and elements appended in loops (`push_back` n times).
class FillScan {
public:
  FillScan(const ValueDecl *target, const FunctionDecl *fn, ASTContext &ctx) : target_(target), fn_(fn), ctx_(ctx) {}

  SymbolicValue run(const Stmt *body) {
    visit(body);
    return size_;
  }
  /// Whether each run of the body adds elements and nothing there empties
  /// or resizes the container: a data member filled one call at a time.
  bool accumulates() const { return appends_ && !resets_; }

private:
  void visit(const Stmt *s) {
    if (!s || isa<LambdaExpr>(s))
      return;
    const bool loop = isLoopStmt(s);
    if (loop)
      loops_.push_back(s);
    if (const auto *call = dyn_cast<CXXMemberCallExpr>(s))
      memberCall(call);
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getNumArgs() == 2 && names(op->getArg(0), target_)) {
      if (op->getOperator() == OO_Equal) {
        size_ = larger(size_, containerSize(op->getArg(1), fn_, ctx_));
        resets_ = true;
      }
      else if (op->getOperator() == OO_PlusEqual)
        appended();
    }
    for (const Stmt *child : s->children())
      visit(child);
    if (loop)
      loops_.pop_back();
  }

  void memberCall(const CXXMemberCallExpr *call) {
    const CXXMethodDecl *method = call->getMethodDecl();
    const Expr *object = call->getImplicitObjectArgument();
    if (!method || !object || !method->getIdentifier() || !names(object, target_))
      return;
    llvm::StringRef name = method->getName();
    if (name == "clear" || name == "resize" || name == "assign" || name == "swap")
      resets_ = true;
    if ((name == "resize" || name == "reserve" || name == "assign") && call->getNumArgs() >= 1 &&
        call->getArg(0)->getType()->isIntegerType())
      size_ = larger(size_, symbolicValue(call->getArg(0), fn_, ctx_));
    else if (name == "push_back" || name == "emplace_back" || name == "push_front" || name == "emplace_front" ||
             name == "emplace" || name == "insert" || name == "push" || name == "append")
      appended();
  }

  /// One element per run of the enclosing loops.
  void appended() {
    appends_ = true;
    SymbolicValue count = SymbolicValue::constant(1);
    for (const Stmt *loop : loops_)
      count = multiply(count, loopTrip(loop, fn_, ctx_));
    size_ = larger(size_, count);
  }

  const ValueDecl *target_;
  const FunctionDecl *fn_;
  ASTContext &ctx_;
  std::vector<const Stmt *> loops_;
  SymbolicValue size_;
  bool appends_ = false;
  bool resets_ = false;
};

/// Size of a container/array the expression names, if its type or its
/// construction says.
SymbolicValue containerSize(const Expr *expr, const FunctionDecl *fn, ASTContext &ctx) {
  expr = expr->IgnoreImplicit()->IgnoreParenImpCasts();
  QualType type = expr->getType().getNonReferenceType();
  if (const auto *array = ctx.getAsConstantArrayType(type))
    return SymbolicValue::constant(double(array->getSize().getZExtValue()));
  if (const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl()))
    if (normalizedName(spec) == "::std::array" && spec->getTemplateArgs().size() == 2 &&
        spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      return SymbolicValue::constant(toDouble(spec->getTemplateArgs()[1].getAsIntegral()));
  if (const auto *list = dyn_cast<InitListExpr>(expr))
    return SymbolicValue::constant(list->getNumInits());
  if (const auto *list = dyn_cast<CXXStdInitializerListExpr>(expr))
    return containerSize(list->getSubExpr(), fn, ctx);
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(expr)) // v.begin(), v.data()
    if (member->getImplicitObjectArgument() && member->getNumArgs() == 0)
      return containerSize(member->getImplicitObjectArgument(), fn, ctx);
  if (const auto *member = dyn_cast<MemberExpr>(expr))
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      if (isContainerClass(field->getType().getNonReferenceType()->getAsCXXRecordDecl()))
        return SymbolicValue::member(usrOf(field)); // bounded by what is stored into it
  const auto *ref = dyn_cast<DeclRefExpr>(expr);
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (const auto *param = dyn_cast_or_null<ParmVarDecl>(var))
    if (param->getDeclContext() == fn && param->getType().getNonReferenceType()->getAsCXXRecordDecl())
      return SymbolicValue::parameter(param->getFunctionScopeIndex());
  if (!var || !var->hasLocalStorage() || isa<ParmVarDecl>(var) || var->getType()->isReferenceType())
    return {};
  SizeDepth depth;
  if (depth.tooDeep())
    return {};
  SymbolicValue size;
  if (const Expr *init = var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr) {
    // std::vector<T> v(n) / v(n, x): the count is the first argument.
    if (const auto *construct = dyn_cast<CXXConstructExpr>(init)) {
      if (construct->getNumArgs() >= 1 && construct->getArg(0)->getType()->isIntegerType() &&
          isSizedStdClass(construct->getConstructor()->getParent()))
        size = symbolicValue(construct->getArg(0), fn, ctx);
      else if (construct->getNumArgs() == 1 ||
               (construct->getNumArgs() == 2 && isa<CXXDefaultArgExpr>(construct->getArg(1)))) // {1, 2, 3}, a copy
        size = containerSize(construct->getArg(0), fn, ctx);
    } else if (const auto *list = dyn_cast<InitListExpr>(init)) {
      size = SymbolicValue::constant(list->getNumInits());
    }
  }
  // Sized or filled later in the body: v.resize(n), a loop of push_back.
  if (fn && fn->getBody() && isSizedStdClass(var->getType()->getAsCXXRecordDecl()))
    size = larger(size, FillScan(var, fn, ctx).run(fn->getBody()));
  return size;
}

/// The variable a loop condition compares, with the bound it compares against.
struct Comparison {
  const VarDecl *var = nullptr;
  const Expr *bound = nullptr;
  bool varOnLeft = true;
  BinaryOperatorKind op = BO_LT;
};

std::optional<Comparison> loopComparison(const Expr *cond) {
  if (!cond)
    return std::nullopt;
  const auto *bin = dyn_cast<BinaryOperator>(cond->IgnoreParenImpCasts());
  if (!bin || !bin->isComparisonOp())
    return std::nullopt;
  // `i`, or `i + 1` / `i - 2` (`x + 1 < width`): a constant offset does not
  // change how the count grows.
  auto varOf = [](const Expr *e) -> const VarDecl * {
    e = e->IgnoreParenImpCasts();
    if (const auto *offset = dyn_cast<BinaryOperator>(e);
        offset && (offset->getOpcode() == BO_Add || offset->getOpcode() == BO_Sub) &&
        isa<IntegerLiteral>(offset->getRHS()->IgnoreParenImpCasts()))
      e = offset->getLHS()->IgnoreParenImpCasts();
    const auto *ref = dyn_cast<DeclRefExpr>(e);
    return ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  };
  if (const VarDecl *v = varOf(bin->getLHS()))
    return Comparison{v, bin->getRHS(), true, bin->getOpcode()};
  if (const VarDecl *v = varOf(bin->getRHS()))
    return Comparison{v, bin->getLHS(), false, bin->getOpcode()};
  return std::nullopt;
}

/// Step of the loop variable per iteration: +k, -k, or 0 when unknown;
/// `geometric` when it is multiplied or shifted.
struct Step {
  double amount = 0;
  bool geometric = false;
};

Step stepOf(const Expr *inc, const VarDecl *var, ASTContext &ctx) {
  if (!inc)
    return {};
  inc = inc->IgnoreParenImpCasts();
  auto isVar = [&](const Expr *e) {
    const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
    return ref && ref->getDecl() == var;
  };
  if (const auto *unary = dyn_cast<UnaryOperator>(inc))
    if (unary->isIncrementDecrementOp() && isVar(unary->getSubExpr()))
      return {unary->isIncrementOp() ? 1.0 : -1.0, false};
  if (const auto *assign = dyn_cast<CompoundAssignOperator>(inc)) {
    if (!isVar(assign->getLHS()))
      return {};
    auto k = evaluateConstant(assign->getRHS(), ctx);
    if (!k || *k == 0)
      return {};
    switch (assign->getOpcode()) {
    case BO_AddAssign: return {*k, false};
    case BO_SubAssign: return {-*k, false};
    case BO_MulAssign: case BO_ShlAssign: case BO_DivAssign: case BO_ShrAssign:
      return {0, true};
    default: return {};
    }
  }
  if (const auto *comma = dyn_cast<BinaryOperator>(inc); comma && comma->getOpcode() == BO_Comma) {
    Step s = stepOf(comma->getLHS(), var, ctx);
    return s.amount != 0 || s.geometric ? s : stepOf(comma->getRHS(), var, ctx);
  }
  return {};
}

/// Trip count from start value, bound and step, where start and bound are
/// symbolic; one of them may be a parameter.
SymbolicValue tripFrom(SymbolicValue start, SymbolicValue bound, Step step) {
  if (step.geometric) {
    if (bound.kind == Kind::Constant)
      return SymbolicValue::constant(std::max(1.0, std::log2(std::max(2.0, std::fabs(bound.value)))));
    return SymbolicValue::constant(32);
  }
  if (step.amount == 0)
    return {};
  SymbolicValue from = step.amount > 0 ? start : bound;
  SymbolicValue to = step.amount > 0 ? bound : start;
  double stride = std::fabs(step.amount);
  if (from.kind == Kind::Constant && to.kind == Kind::Constant)
    return SymbolicValue::constant(std::max(0.0, (to.value - from.value) / stride));
  // Counting up from a constant to a parameter (or down from it): the
  // parameter dominates the count.
  if (isSymbolic(to) && from.kind == Kind::Constant)
    return scaled(to, 1 / stride);
  // From one unknown to another (`for (i = begin; i < end; ++i)`): at most
  // the bound, the size of what the range is a part of.
  if (isSymbolic(to) && isSymbolic(from))
    return scaled(to, 1 / stride);
  return {};
}

SymbolicValue startValue(const VarDecl *var, const Stmt *init, const FunctionDecl *fn, ASTContext &ctx) {
  if (const auto *assign = dyn_cast_or_null<BinaryOperator>(init))
    if (assign->getOpcode() == BO_Assign)
      return symbolicValue(assign->getRHS(), fn, ctx);
  if (var->getInit())
    return symbolicValue(var->getInit(), fn, ctx);
  return {};
}

/// What a loop condition compares against: an integer's value, or for
/// `v.size()` the container's element count.
SymbolicValue boundValue(const Expr *bound, const FunctionDecl *fn, ASTContext &ctx) {
  SymbolicValue value = symbolicValue(bound, fn, ctx);
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(bound->IgnoreParenImpCasts()))
    if (value.kind == Kind::Unknown && member->getMethodDecl() && member->getImplicitObjectArgument() &&
        member->getMethodDecl()->getNameAsString() == "size")
      value = containerSize(member->getImplicitObjectArgument(), fn, ctx);
  return value;
}

/// The smaller of two trip counts where one may be unknown: a loop with
/// two exit conditions ends at the first.
SymbolicValue smallerTrip(const SymbolicValue &a, const SymbolicValue &b) {
  if (a.kind == Kind::Unknown)
    return b;
  if (b.kind == Kind::Unknown)
    return a;
  if (a.kind == Kind::Constant && b.kind == Kind::Constant)
    return a.value <= b.value ? a : b;
  return a.kind == Kind::Constant ? a : b.kind == Kind::Constant ? b : a;
}

SymbolicValue comparisonTrip(const Expr *cond, const Expr *inc, const Stmt *init,
                             const FunctionDecl *fn, ASTContext &ctx) {
  // shift <= 28 && p < limit: a varint's five rounds, whatever the buffer.
  if (const auto *both = dyn_cast_or_null<BinaryOperator>(cond ? cond->IgnoreParenImpCasts() : nullptr);
      both && both->getOpcode() == BO_LAnd)
    return smallerTrip(comparisonTrip(both->getLHS(), inc, init, fn, ctx),
                       comparisonTrip(both->getRHS(), inc, init, fn, ctx));
  auto cmp = loopComparison(cond);
  if (!cmp)
    return {};
  Step step = stepOf(inc, cmp->var, ctx);
  SymbolicValue bound = boundValue(cmp->bound, fn, ctx);
  SymbolicValue start = startValue(cmp->var, init, fn, ctx);
  if (start.kind == Kind::Unknown && isa<ParmVarDecl>(cmp->var) && step.amount < 0)
    start = SymbolicValue::parameter(cast<ParmVarDecl>(cmp->var)->getFunctionScopeIndex());
  SymbolicValue trip = tripFrom(start, bound, step);
  // i <= n and n >= i take the bound itself too.
  const bool inclusive = cmp->varOnLeft ? (cmp->op == BO_LE || cmp->op == BO_GE) : (cmp->op == BO_GE || cmp->op == BO_LE);
  if (inclusive && trip.kind == Kind::Constant && !step.geometric)
    trip.value += 1;
  return trip;
}

} // namespace

SymbolicValue symbolicValue(const Expr *expr, const FunctionDecl *fn, ASTContext &ctx) {
  if (!expr)
    return {};
  if (auto c = evaluateConstant(expr, ctx))
    return SymbolicValue::constant(*c);
  expr = expr->IgnoreParenImpCasts();
  // size_t(w), static_cast<size_t>(h): a widening spelled out, same count.
  while (const auto *cast = dyn_cast<ExplicitCastExpr>(expr)) {
    if (!cast->getSubExpr()->getType()->isIntegerType() || !cast->getType()->isIntegerType())
      break;
    expr = cast->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(expr)) {
    if (const auto *param = dyn_cast<ParmVarDecl>(ref->getDecl())) {
      if (param->getDeclContext() == fn)
        return SymbolicValue::parameter(param->getFunctionScopeIndex());
      return {};
    }
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (var->hasLocalStorage() && var->getInit() && !var->getType()->isReferenceType())
        return symbolicValue(var->getInit(), fn, ctx);
    return {};
  }
  if (const auto *member = dyn_cast<MemberExpr>(expr))
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      if (field->getType()->isIntegerType())
        return SymbolicValue::member(usrOf(field)); // bounded by the constants stored into it
  if (const auto *bin = dyn_cast<BinaryOperator>(expr)) {
    SymbolicValue l = symbolicValue(bin->getLHS(), fn, ctx);
    SymbolicValue r = symbolicValue(bin->getRHS(), fn, ctx);
    switch (bin->getOpcode()) {
    case BO_Mul:
      return multiply(l, r);
    case BO_Shl: // n << 20
      if (r.kind == Kind::Constant && r.value >= 0 && r.value < 63) return scaled(l, std::ldexp(1.0, int(r.value)));
      return {};
    case BO_Div:
      if (r.kind == Kind::Constant && r.value != 0) return scaled(l, 1 / r.value);
      return {};
    case BO_Add: case BO_Sub: {
      // The larger term dominates a count: n + 1 ~ n, but 120000000 + argc
      // is at least 120000000 whatever argc is.
      const bool add = bin->getOpcode() == BO_Add;
      if (add && l.kind == Kind::Constant && l.value >= 1000) return l;
      if (r.kind == Kind::Constant && r.value >= 1000 && add) return r;
      if (isSymbolic(l) && r.kind == Kind::Constant) return l;
      if (isSymbolic(r) && l.kind == Kind::Constant && add) return r;
      return {};
    }
    default:
      return {};
    }
  }
  if (const auto *construct = dyn_cast<CXXConstructExpr>(expr))
    if (construct->getNumArgs() == 1)
      return symbolicValue(construct->getArg(0), fn, ctx);
  // v.size(), s.length(): the container's element count.
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(expr))
    if (const CXXMethodDecl *method = member->getMethodDecl();
        method && method->getIdentifier() && member->getNumArgs() == 0 && member->getImplicitObjectArgument() &&
        (method->getName() == "size" || method->getName() == "length"))
      return containerSize(member->getImplicitObjectArgument(), fn, ctx);
  // `argc > 1 ? atoi(argv[1]) : 2000000`: the default a run takes, or the
  // larger of two known branches.
  if (const auto *cond = dyn_cast<ConditionalOperator>(expr))
    return larger(symbolicValue(cond->getTrueExpr(), fn, ctx), symbolicValue(cond->getFalseExpr(), fn, ctx));
  return {};
}

SymbolicValue argumentValue(const Expr *expr, const FunctionDecl *fn, ASTContext &ctx) {
  if (!expr)
    return {};
  SymbolicValue v = symbolicValue(expr, fn, ctx);
  if (v.kind != Kind::Unknown || expr->getType()->isIntegerType())
    return v;
  return containerSize(expr, fn, ctx);
}

namespace {

/// The integer variable a condition tests for zero: `m`, `m != 0`, `m > 0`.
const VarDecl *testedForZero(const Expr *cond, ASTContext &ctx) {
  if (!cond)
    return nullptr;
  cond = cond->IgnoreParenImpCasts();
  if (const auto *bin = dyn_cast<BinaryOperator>(cond)) {
    // m != 0, m > 0, and v >= 128 (a varint's `while (v >= B) v >>= 7`).
    const BinaryOperatorKind op = bin->getOpcode();
    if (op != BO_NE && op != BO_GT && op != BO_GE)
      return nullptr;
    auto k = evaluateConstant(bin->getRHS(), ctx);
    if (!k || *k < 0 || (op == BO_NE && *k != 0))
      return nullptr;
    cond = bin->getLHS()->IgnoreParenImpCasts();
  }
  const auto *ref = dyn_cast<DeclRefExpr>(cond);
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  return var && var->getType()->isIntegerType() ? var : nullptr;
}

/// Whether `s` shrinks `var` by bits: `m >>= k`, `m /= k`, `m &= m - 1`,
/// `m = m >> k`, `m = m & (m - 1)`.
bool dropsBits(const Stmt *s, const VarDecl *var) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  auto isVar = [&](const Expr *e) {
    const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
    return ref && ref->getDecl() == var;
  };
  if (const auto *assign = dyn_cast<CompoundAssignOperator>(s))
    if (isVar(assign->getLHS()) && (assign->getOpcode() == BO_ShrAssign || assign->getOpcode() == BO_DivAssign ||
                                    assign->getOpcode() == BO_AndAssign))
      return true;
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign && isVar(assign->getLHS()))
    if (const auto *rhs = dyn_cast<BinaryOperator>(assign->getRHS()->IgnoreParenImpCasts()))
      if ((rhs->getOpcode() == BO_Shr || rhs->getOpcode() == BO_Div || rhs->getOpcode() == BO_And) &&
          (isVar(rhs->getLHS()) || isVar(rhs->getRHS())))
        return true;
  for (const Stmt *child : s->children())
    if (dropsBits(child, var))
      return true;
  return false;
}

/// Whether a body removes elements from `target` (`remove_prefix`,
/// `pop_front`, `erase`, `x = x.substr(..)`) and never adds any: the loop
/// then runs at most once per element.
bool drains(const Stmt *s, const ValueDecl *target) {
  bool removes = false, adds = false;
  std::vector<const Stmt *> stack{s};
  while (!stack.empty()) {
    const Stmt *at = stack.back();
    stack.pop_back();
    if (!at)
      continue;
    if (const auto *call = dyn_cast<CXXMemberCallExpr>(at); call && call->getMethodDecl() &&
        call->getMethodDecl()->getIdentifier() && call->getImplicitObjectArgument() &&
        names(call->getImplicitObjectArgument(), target)) {
      llvm::StringRef name = call->getMethodDecl()->getName();
      removes |= name == "remove_prefix" || name == "remove_suffix" || name.starts_with("pop") || name == "erase";
      adds |= name.starts_with("push") || name.starts_with("emplace") || name == "insert" || name == "append" ||
              name == "resize";
    }
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(at); op && op->getNumArgs() == 2 && names(op->getArg(0), target)) {
      if (op->getOperator() == OO_Equal)
        removes = true; // x = x.substr(k): taken as shorter; anything else is unknown either way
      if (op->getOperator() == OO_PlusEqual)
        adds = true;
    }
    stack.insert(stack.end(), at->child_begin(), at->child_end());
  }
  return removes && !adds;
}

/// `while (!line.empty()) { ...; line.remove_prefix(k); }`: at most the
/// container's size.
SymbolicValue drainTrip(const Expr *cond, const Stmt *body, const FunctionDecl *fn, ASTContext &ctx) {
  const Expr *container = testedForElements(cond);
  if (!container)
    return {};
  const Expr *bare = container->IgnoreParenImpCasts();
  const ValueDecl *target = nullptr;
  if (const auto *ref = dyn_cast<DeclRefExpr>(bare))
    target = ref->getDecl();
  else if (const auto *member = dyn_cast<MemberExpr>(bare))
    target = member->getMemberDecl();
  if (!target || !drains(body, target))
    return {};
  return containerSize(container, fn, ctx);
}

/// A walk over the bits of an integer (`while (m) { ...; m &= m - 1; }`,
/// `for (; v; v >>= 1)`): at most its width in iterations.
SymbolicValue bitWalkTrip(const Expr *cond, const Stmt *body, const Expr *inc, ASTContext &ctx) {
  // `while (state && handlers)`: either side ending the walk bounds it.
  if (const auto *both = dyn_cast_or_null<BinaryOperator>(cond ? cond->IgnoreParenImpCasts() : nullptr);
      both && both->getOpcode() == BO_LAnd) {
    SymbolicValue left = bitWalkTrip(both->getLHS(), body, inc, ctx);
    return left.kind != Kind::Unknown ? left : bitWalkTrip(both->getRHS(), body, inc, ctx);
  }
  const VarDecl *var = testedForZero(cond, ctx);
  if (!var || !(dropsBits(body, var) || dropsBits(inc, var)))
    return {};
  return SymbolicValue::constant(double(ctx.getTypeSize(var->getType())));
}

} // namespace

const Expr *testedForElements(const Expr *cond) {
  cond = cond->IgnoreParenImpCasts();
  auto sizeQuery = [](const Expr *e, llvm::StringRef name) -> const Expr * {
    const auto *call = dyn_cast<CXXMemberCallExpr>(e->IgnoreParenImpCasts());
    const CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
    if (!method || !method->getIdentifier() || method->getName() != name || call->getNumArgs() != 0)
      return nullptr;
    return call->getImplicitObjectArgument();
  };
  if (const auto *unary = dyn_cast<UnaryOperator>(cond); unary && unary->getOpcode() == UO_LNot)
    return sizeQuery(unary->getSubExpr(), "empty");
  if (const auto *cmp = dyn_cast<BinaryOperator>(cond); cmp && (cmp->getOpcode() == BO_GT || cmp->getOpcode() == BO_NE))
    return sizeQuery(cmp->getLHS(), "size");
  return sizeQuery(cond, "size");
}

bool isLoopStmt(const Stmt *s) {
  return isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s);
}

const Expr *conditionOf(const Stmt *loop) {
  if (const auto *f = dyn_cast<ForStmt>(loop))
    return f->getCond();
  if (const auto *w = dyn_cast<WhileStmt>(loop))
    return w->getCond();
  if (const auto *d = dyn_cast<DoStmt>(loop))
    return d->getCond();
  return nullptr;
}

namespace {

/// What a condition's size follows: the bound it compares against, or the
/// container it tests for elements; either side of && and ||.
SymbolicValue conditionScale(const Expr *cond, const FunctionDecl *fn, ASTContext &ctx) {
  if (!cond)
    return {};
  cond = cond->IgnoreParenImpCasts();
  if (const auto *both = dyn_cast<BinaryOperator>(cond); both && both->isLogicalOp()) {
    SymbolicValue left = conditionScale(both->getLHS(), fn, ctx);
    return left.symbolic() ? left : conditionScale(both->getRHS(), fn, ctx);
  }
  if (const Expr *container = testedForElements(cond))
    return containerSize(container, fn, ctx);
  auto cmp = loopComparison(cond);
  return cmp ? boundValue(cmp->bound, fn, ctx) : SymbolicValue();
}

/// A read of a link: a member (`p->next`), an atomic member's load
/// (`p->next.load()`), or a link's address (`&(*pp)->next`, a walk with a
/// pointer to the link, as hash chains are searched to insert or unlink).
bool readsLink(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *address = dyn_cast<UnaryOperator>(e); address && address->getOpcode() == UO_AddrOf)
    e = address->getSubExpr()->IgnoreParenImpCasts();
  if (isa<MemberExpr>(e))
    return true;
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(e))
    return isa<MemberExpr>(call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return false;
}

/// The variable `s` assigns, when it is `var = value` or `T var = value`,
/// with the value.
std::pair<const VarDecl *, const Expr *> assignment(const Stmt *s) {
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign)
    if (const auto *lhs = dyn_cast<DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts()))
      return {dyn_cast<VarDecl>(lhs->getDecl()), assign->getRHS()};
  if (const auto *decl = dyn_cast<DeclStmt>(s); decl && decl->isSingleDecl())
    if (const auto *var = dyn_cast<VarDecl>(decl->getSingleDecl()); var && var->getInit())
      return {var, var->getInit()};
  return {nullptr, nullptr};
}

/// Whether `s` assigns `var` a link, or a variable the loop assigns one:
/// `p = p->next`, `node = node->parent`, `next = w->next.load(); ...; w = next`.
bool followsLink(const Stmt *s, const VarDecl *var, const Stmt *loop, int depth = 0) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (auto [assigned, value] = assignment(s); assigned == var && value) {
    if (readsLink(value))
      return true;
    if (const auto *ref = dyn_cast<DeclRefExpr>(value->IgnoreParenImpCasts()); ref && depth == 0)
      if (const auto *local = dyn_cast<VarDecl>(ref->getDecl()); local && local != var && local->hasLocalStorage())
        for (const Stmt *child : loop->children())
          if (followsLink(child, local, loop, depth + 1))
            return true;
  }
  for (const Stmt *child : s->children())
    if (followsLink(child, var, loop, depth))
      return true;
  return false;
}

/// A node's pointer link read through a pointer: `p->next`, `p->next.load()`
/// (the value read is the pointer, also when the link is atomic).
bool readsNodeLink(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  const bool pointer = e->getType()->isPointerType();
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(e))
    e = call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const auto *member = dyn_cast<MemberExpr>(e);
  return pointer && member && member->isArrow();
}

/// Whether `s` advances a list head kept in a member to a link: `head_ =
/// p->next` or `m_head.store(p->m_next)`, a loop that pops the waiters
/// of a list one by one.
bool advancesMemberHead(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign &&
      isa<MemberExpr>(assign->getLHS()->IgnoreParenImpCasts()) && readsNodeLink(assign->getRHS()))
    return true;
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(s); call && call->getNumArgs() >= 1)
    if (const auto *method = call->getMethodDecl(); method && method->getIdentifier() && method->getName() == "store" &&
        isSynchronisationType(call->getImplicitObjectArgument()->getType()) &&
        isa<MemberExpr>(call->getImplicitObjectArgument()->IgnoreParenImpCasts()) && readsNodeLink(call->getArg(0)))
      return true;
  for (const Stmt *child : s->children())
    if (advancesMemberHead(child))
      return true;
  return false;
}

} // namespace

SymbolicValue loopScale(const Stmt *loop, const FunctionDecl *fn, ASTContext &ctx) {
  return conditionScale(conditionOf(loop), fn, ctx);
}

bool readsParameter(const Stmt *loop, const FunctionDecl *fn) {
  const Stmt *subject = conditionOf(loop);
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop))
    subject = r->getRangeInit();
  std::vector<const Stmt *> stack{subject};
  while (!stack.empty()) {
    const Stmt *s = stack.back();
    stack.pop_back();
    if (!s || isa<LambdaExpr>(s))
      continue;
    if (const auto *ref = dyn_cast<DeclRefExpr>(s))
      if (const auto *param = dyn_cast<ParmVarDecl>(ref->getDecl()); param && param->getDeclContext() == fn)
        return true;
    stack.insert(stack.end(), s->child_begin(), s->child_end());
  }
  return false;
}

bool walksLinks(const Stmt *loop) {
  const Expr *cond = conditionOf(loop);
  if (!cond)
    return false;
  for (const Stmt *child : loop->children())
    if (child != cond && advancesMemberHead(child))
      return true;
  // The pointer the condition tests: `p`, `p != nullptr`, `p && ...`.
  const Expr *tested = cond->IgnoreParenImpCasts();
  if (const auto *bin = dyn_cast<BinaryOperator>(tested); bin && (bin->getOpcode() == BO_NE || bin->isLogicalOp()))
    tested = bin->getLHS()->IgnoreParenImpCasts();
  if (const auto *bin = dyn_cast<BinaryOperator>(tested); bin && bin->getOpcode() == BO_NE)
    tested = bin->getLHS()->IgnoreParenImpCasts(); // `p != nullptr && ...`
  if (const auto *deref = dyn_cast<UnaryOperator>(tested); deref && deref->getOpcode() == UO_Deref)
    tested = deref->getSubExpr()->IgnoreParenImpCasts(); // `*pp != nullptr`
  const auto *ref = dyn_cast<DeclRefExpr>(tested);
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->getType()->isPointerType())
    return false;
  // The body, and a for-loop's increment, which is one of its children.
  for (const Stmt *child : loop->children())
    if (child != cond && followsLink(child, var, loop))
      return true;
  return false;
}

SymbolicValue tripCount(const Stmt *loop, const FunctionDecl *fn, ASTContext &ctx) {
  if (const auto *f = dyn_cast<ForStmt>(loop)) {
    SymbolicValue trip = comparisonTrip(f->getCond(), f->getInc(), f->getInit(), fn, ctx);
    return trip.kind != Kind::Unknown ? trip : bitWalkTrip(f->getCond(), f->getBody(), f->getInc(), ctx);
  }
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop))
    return containerSize(r->getRangeInit(), fn, ctx);
  if (const auto *w = dyn_cast<WhileStmt>(loop)) {
    // while (n--) / while (i < n) with the step in the body: only the
    // decrement-in-condition form is certain enough to count.
    const Expr *cond = w->getCond()->IgnoreParenImpCasts();
    if (const auto *unary = dyn_cast<UnaryOperator>(cond))
      if (unary->isDecrementOp())
        return symbolicValue(unary->getSubExpr(), fn, ctx);
    SymbolicValue drained = drainTrip(w->getCond(), w->getBody(), fn, ctx);
    return drained.kind != Kind::Unknown ? drained : bitWalkTrip(w->getCond(), w->getBody(), nullptr, ctx);
  }
  if (const auto *d = dyn_cast<DoStmt>(loop)) {
    // do { ... } while (0): a macro's statement, run once.
    if (auto once = evaluateConstant(d->getCond(), ctx); once && *once == 0)
      return SymbolicValue::constant(1);
    return bitWalkTrip(d->getCond(), d->getBody(), nullptr, ctx);
  }
  return {};
}

bool isSizedStdClass(const CXXRecordDecl *record) {
  if (!record || normalizedName(record).rfind("::std::", 0) != 0 || !record->hasDefinition())
    return false;
  const IdentifierInfo &size = record->getASTContext().Idents.get("size");
  return !record->getDefinition()->lookup(DeclarationName(&size)).empty();
}

namespace {

/// Whether `record` or one of its bases declares a method named `name`
/// taking no arguments (`size`, `begin`), or an operator[].
bool declares(const CXXRecordDecl *record, llvm::StringRef name, int depth = 0) {
  if (!record || !record->hasDefinition() || depth > 8)
    return false;
  record = record->getDefinition();
  for (const CXXMethodDecl *method : record->methods()) {
    if (name == "[]" ? method->getOverloadedOperator() == OO_Subscript
                     : method->getIdentifier() && method->getName() == name && method->getNumParams() == 0)
      return true;
  }
  // A template's members are declared in its pattern; a specialization
  // instantiated only in part lists only what was used.
  if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record))
    if (const ClassTemplateDecl *pattern = spec->getSpecializedTemplate())
      if (pattern->getTemplatedDecl() != record && declares(pattern->getTemplatedDecl(), name, depth + 1))
        return true;
  for (const CXXBaseSpecifier &base : record->bases())
    if (declares(base.getType()->getAsCXXRecordDecl(), name, depth + 1))
      return true;
  return false;
}

} // namespace

bool isContainerClass(const CXXRecordDecl *record) {
  if (isSizedStdClass(record))
    return true;
  return declares(record, "size") && (declares(record, "begin") || declares(record, "[]"));
}

Fill filledSize(const ValueDecl *target, const FunctionDecl *fn, ASTContext &ctx) {
  if (!fn || !fn->getBody())
    return {};
  SizeDepth depth;
  if (depth.tooDeep())
    return {};
  FillScan scan(target, fn, ctx);
  SymbolicValue size = scan.run(fn->getBody());
  return {size, scan.accumulates()};
}

double constantDurationNs(const Expr *expr, ASTContext &ctx) {
  if (!expr || !evaluable(expr))
    return -1;
  QualType type = expr->getType().getNonReferenceType();
  const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  if (!spec || normalizedName(spec) != "::std::chrono::duration" || spec->getTemplateArgs().size() != 2)
    return -1;
  const auto *ratio = spec->getTemplateArgs()[1].getAsType()->getAsCXXRecordDecl();
  const auto *ratioSpec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(ratio);
  if (!ratioSpec || ratioSpec->getTemplateArgs().size() != 2)
    return -1;
  double num = toDouble(ratioSpec->getTemplateArgs()[0].getAsIntegral());
  double den = toDouble(ratioSpec->getTemplateArgs()[1].getAsIntegral());
  Expr::EvalResult result;
  if (!evaluable(expr) || !expr->EvaluateAsRValue(result, ctx) || !result.Val.isStruct() ||
      result.Val.getStructNumFields() < 1)
    return -1;
  const APValue &count = result.Val.getStructField(0);
  double ticks = count.isInt() ? toDouble(count.getInt())
                 : count.isFloat() ? count.getFloat().convertToDouble() : -1;
  if (ticks < 0)
    return -1;
  return ticks * num / den * 1e9;
}

bool evaluable(const Expr *expr) {
  if (expr->isInstantiationDependent() || expr->containsErrors())
    return false;
  // A variable of a template's pattern (`const size_t n = c.size();` with c
  // dependent) has no value yet, though a reference to it looks typed.
  std::vector<const Stmt *> stack{expr};
  while (!stack.empty()) {
    const Stmt *s = stack.back();
    stack.pop_back();
    if (const auto *ref = dyn_cast_or_null<DeclRefExpr>(s))
      if (ref->getDecl()->getDeclContext()->isDependentContext())
        return false;
    if (s)
      stack.insert(stack.end(), s->child_begin(), s->child_end());
  }
  return true;
}

} // namespace concur
