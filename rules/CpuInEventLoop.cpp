#include "rules/CpuInEventLoop.h"

#include "classify/Classifier.h"
#include "model/CoroutinePlacement.h"
#include "model/ProgramModel.h"
#include "support/Format.h"

#include <algorithm>
#include <cmath>

namespace concur {

namespace {

constexpr const char *kName = "concur-cpu-in-event-loop";

const OptionTable &options() {
  static const OptionTable table{
      kName,
      {
          {"MinIterations", 100000, "a loop running at least this many iterations in all is heavy"},
          {"MinCpuNs", 1e6, "a call whose estimated computation reaches this many nanoseconds is heavy"},
      }};
  return table;
}


/// Iterations of `loop` in all (its trip times its parents'), -1 if unknown.
double totalIterations(const ProgramModel &model, int f, int loop) {
  double total = 1;
  const auto &loops = model.function(f).loops;
  for (; loop >= 0; loop = loops[loop].parent) {
    double trip = model.evaluate(f, loops[loop].trip);
    if (trip < 0)
      return -1;
    total *= trip;
  }
  return total;
}

/// For each loop, whether it suspends in its body (and so hands the thread
/// back every iteration): one walk up the loop nest per suspension.
std::vector<bool> suspendingLoops(const FunctionFacts &fn) {
  std::vector<bool> suspends(fn.loops.size(), false);
  for (const Suspension &s : fn.suspensions)
    if (s.kind != Suspension::Kind::Return)
      for (int l = s.loop; l >= 0 && !suspends[l]; l = fn.loops[l].parent)
        suspends[l] = true;
  return suspends;
}

Finding finding(const FunctionFacts &coroutine, const SourceLoc &loc, std::string message) {
  Finding f;
  f.check = kName;
  f.loc = loc;
  f.function = coroutine.name;
  f.message = std::move(message);
  return f;
}

} // namespace

CheckInfo CpuInEventLoopCheck::info() {
  return {kName, "CPU-heavy work executed synchronously inside a coroutine, on the event loop",
          /*enabledByDefault=*/true, options(), [] { return std::make_unique<CpuInEventLoopCheck>(); }};
}

void CpuInEventLoopCheck::run(const CheckContext &ctx, std::vector<Finding> &out) const {
  const ProgramModel &model = ctx.model;
  const double minIterations = ctx.options.get(kName, options().options[0]);
  const double minCpuNs = ctx.options.get(kName, options().options[1]);
  const CoroutinePlacement placement(model);
  for (int f = 0; f < int(model.functions().size()); ++f) {
    const FunctionFacts &fn = model.function(f);
    if (!fn.isCoroutine || placement.startsOnPool(f))
      continue; // started on a pool's thread wherever it is created: heavy work belongs there
    const std::vector<bool> suspends = suspendingLoops(fn);
    auto suspendsInside = [&](const FunctionFacts &, int loop) { return suspends[loop]; };
    // A heavy loop is reported at the outermost loop around it that never
    // suspends: `for (round...) for (i < block...)` is one piece of work on
    // the event loop even when the outer loop alone runs a few times.
    std::vector<double> nestIterations(fn.loops.size(), 0);
    for (int l = 0; l < int(fn.loops.size()); ++l) {
      double iterations = totalIterations(model, f, l);
      if (iterations < minIterations || fn.loops[l].ops == 0 || suspendsInside(fn, l) || fn.loops[l].onPool)
        continue;
      int top = l;
      while (fn.loops[top].parent >= 0 && !suspendsInside(fn, fn.loops[top].parent) &&
             !fn.loops[fn.loops[top].parent].onPool)
        top = fn.loops[top].parent;
      nestIterations[top] = std::max(nestIterations[top], iterations);
    }
    for (int l = 0; l < int(fn.loops.size()); ++l) {
      if (nestIterations[l] == 0)
        continue;
      Finding w = finding(fn, fn.loops[l].loc,
                          "loop of ~" + approxCount(nestIterations[l]) + " iterations runs on the event loop inside coroutine '" +
                              fn.name + "' without suspending");
      w.notes.push_back({fn.loops[l].loc, "suggestion: co_await concur::to_thread(f) for the loop, or "
                                          "concur::parallel_for on a thread pool"});
      out.push_back(std::move(w));
    }
    // Whether `loop` lies in a nest reported above, below its top and
    // without a suspension in between.
    auto insideReportedNest = [&](int loop) {
      for (int l = loop; l >= 0 && !suspendsInside(fn, l); l = fn.loops[l].parent)
        if (nestIterations[l] > 0)
          return true;
      return false;
    };
    // Catalogued CPU-heavy library calls (std::sort) over inputs of known size.
    for (int s = 0; s < int(fn.calls.size()); ++s) {
      const CallTarget &target = model.target(f, s);
      const CallSite &call = fn.calls[s];
      if (target.kind != CallTarget::Kind::Api || !target.api->has(EffectCpu) || call.args.empty() ||
          call.onPool)
        continue;
      double n = model.evaluate(f, call.args[0]);
      double ns = heavyCallCpuNs(n, ctx.options);
      if (n < 0 || ns < minCpuNs)
        continue;
      Finding w = finding(fn, call.loc,
                          "CPU-heavy call '" + call.displayName + "' over ~" + approxCount(n) +
                              " elements runs on the event loop inside coroutine '" + fn.name + "'");
      w.notes.push_back({call.loc, "suggestion: co_await concur::to_thread(...) around the call"});
      out.push_back(std::move(w));
    }
    // Calls of functions the classifier finds CPU-bound.
    for (const CallEdge &edge : model.callees(f)) {
      const FunctionFacts &callee = model.function(edge.callee);
      const Verdict &verdict = ctx.verdicts[edge.callee];
      // Only work the code shows counts: a loop whose bound nothing gives is
      // as likely a handful of items as a million, and the assumed count
      // alone (a reporter list, a subscriber queue) made most findings false.
      const double knownNs = verdict.cpuNs - verdict.assumedCpuNs;
      if (callee.isCoroutine || verdict.kind != WorkKind::Cpu || knownNs < minCpuNs)
        continue;
      const CallSite &call = fn.calls[edge.site];
      if (call.onPool)
        continue; // the coroutine moved to a pool's thread: heavy work belongs there
      if (call.loop >= 0 && insideReportedNest(call.loop))
        continue; // inside a loop already reported
      Finding w = finding(fn, call.loc,
                          "CPU-bound call '" + callee.name + "' (~" + approxCount(knownNs / 1e6) +
                              " ms estimated) runs on the event loop inside coroutine '" + fn.name + "'");
      if (!verdict.evidence.empty())
        w.notes.push_back({verdict.evidence[0].loc, verdict.evidence[0].message});
      w.notes.push_back({call.loc, "suggestion: co_await concur::to_thread(" + callee.name + ", ...)"});
      out.push_back(std::move(w));
    }
  }
}

} // namespace concur
