#include "model/ProgramModel.h"

#include <algorithm>
#include <unordered_set>

namespace concur {

ProgramModel::ProgramModel(std::vector<TUSummary> summaries, const Catalog &catalog)
    : catalog_(catalog) {
  std::sort(summaries.begin(), summaries.end(),
            [](const TUSummary &a, const TUSummary &b) { return a.mainFile < b.mainFile; });
  for (const auto &summary : summaries)
    constructed_.insert(summary.constructedClasses.begin(), summary.constructedClasses.end());
  for (auto &summary : summaries)
    for (auto &store : summary.fieldStores) {
      if (!store.perCall && store.value.kind == SymbolicValue::Kind::Param)
        inputFields_.insert(store.field);
      fieldStores_.push_back(std::move(store));
    }
  // One function per definition: the same USR at the same place (an inline
  // function or template in a header, seen by many TUs) is one function;
  // the same USR defined in two places (main in two programs, a helper each
  // executable defines) is two, both kept.
  std::unordered_map<std::string, int> byDefinition;
  for (int tu = 0; tu < int(summaries.size()); ++tu) {
    linkUnits_.push_back(summaries[tu].linkUnit);
    for (auto &fn : summaries[tu].functions) {
      if (fn.usr.empty())
        continue;
      std::string key = fn.usr + '\n' + fn.loc.file + ':' + std::to_string(fn.loc.line) + ':' +
                        std::to_string(fn.loc.column);
      auto [it, fresh] = byDefinition.emplace(std::move(key), int(functions_.size()));
      if (fresh) {
        byUsr_[fn.usr].push_back(it->second);
        functions_.push_back(std::move(fn));
        tusOf_.emplace_back();
      }
      tusOf_[it->second].push_back(tu);
    }
  }
  for (int i = 0; i < int(functions_.size()); ++i)
    for (const auto &base : functions_[i].overrides)
      overriders_[base].push_back(i);
  resolveCalls();
  linkStoredCallables();
  computeSccs();
  propagateParamBounds();
}

int ProgramModel::find(const std::string &usr) const {
  auto it = byUsr_.find(usr);
  return it == byUsr_.end() ? -1 : it->second.front();
}

bool ProgramModel::sharesTU(int a, int b) const {
  for (int x : tusOf_[a])
    if (std::binary_search(tusOf_[b].begin(), tusOf_[b].end(), x))
      return true;
  return false;
}

bool ProgramModel::sharesLinkUnit(int a, int b) const {
  for (int x : tusOf_[a])
    for (int y : tusOf_[b])
      if (!linkUnits_[x].empty() && linkUnits_[x] == linkUnits_[y])
        return true;
  return false;
}

std::vector<int> ProgramModel::resolve(int caller, const std::string &usr) const {
  auto it = byUsr_.find(usr);
  if (it == byUsr_.end())
    return {};
  const std::vector<int> &candidates = it->second;
  if (candidates.size() == 1)
    return candidates;
  // Several definitions: the one the caller's own TU defines, then those
  // linked with it; when the build does not tell, any of them may run.
  for (auto linked : {&ProgramModel::sharesTU, &ProgramModel::sharesLinkUnit}) {
    std::vector<int> chosen;
    for (int c : candidates)
      if ((this->*linked)(caller, c))
        chosen.push_back(c);
    if (!chosen.empty())
      return chosen;
  }
  return candidates;
}

void ProgramModel::resolveCalls() {
  targets_.resize(functions_.size());
  edges_.resize(functions_.size());
  for (int f = 0; f < int(functions_.size()); ++f) {
    const auto &calls = functions_[f].calls;
    for (int s = 0; s < int(calls.size()); ++s) {
      const CallSite &call = calls[s];
      CallTarget target;
      // The catalogue wins over a body: a catalogued API is described, not walked.
      if (const ApiEntry *api = catalog_.lookup(call.calleeName, call.receiverTypes, call.receiverObject)) {
        target.kind = CallTarget::Kind::Api;
        target.api = api;
        target.effects = callEffects(*api, call);
      } else if (call.isIndirect) {
        target.kind = CallTarget::Kind::Indirect;
      } else if (std::vector<int> callees = resolve(f, call.calleeUsr); !callees.empty()) {
        target.kind = CallTarget::Kind::Function;
        target.functions = std::move(callees);
      } else {
        target.kind = call.calleeInSystemHeader ? CallTarget::Kind::Library : CallTarget::Kind::Unknown;
      }
      if (call.isVirtual)
        addOverriders(call.calleeUsr, target);
      for (int callee : target.functions)
        edges_[f].push_back({callee, s, false, call.isVirtual});
      // Callables passed to the call: started elsewhere when the API says it
      // spawns or offloads, otherwise run by the call (std::for_each, sort's
      // comparator, a helper taking a callback).
      for (const auto &callable : call.callables) {
        for (int started : resolve(f, callable.usr)) {
          const ApiEntry *api = target.api;
          bool elsewhere = api && api->has(EffectSpawnThread | EffectSpawnProcess | EffectOffload) &&
                           (api->callableArg == ApiEntry::AnyArg || api->callableArg < 0 ||
                            unsigned(api->callableArg) == callable.argIndex);
          if (elsewhere)
            spawns_.push_back({f, s, started, api});
          else if (target.kind == CallTarget::Kind::Library || target.kind == CallTarget::Kind::Api)
            // A library algorithm runs the callable it is given. A function of
            // the program is not assumed to: its own body (the template
            // instantiation) shows whether it calls it, stores it or hands it
            // to a thread.
            edges_[f].push_back({started, s, true});
        }
      }
      targets_[f].push_back(std::move(target));
    }
  }
}

/// A stored callable runs where its place is invoked (facts/StoredCallables.h):
/// each invocation `h()` of a place calls every callable stored there, the
/// ones stored directly and the ones callers pass to the parameter a
/// function stores (one level: `Timer t(lambda)` whose constructor keeps
/// its argument in `cb_`).
void ProgramModel::linkStoredCallables() {
  std::unordered_map<std::string, std::vector<int>> atPlace;
  auto add = [&](const std::string &place, int caller, const std::string &usr) {
    for (int callable : resolve(caller, usr))
      atPlace[place].push_back(callable);
  };
  for (int f = 0; f < int(functions_.size()); ++f) {
    for (const StoredCallable &stored : functions_[f].storedCallables)
      if (stored.param < 0)
        add(stored.place, f, stored.usr);
    const auto &calls = functions_[f].calls;
    for (int s = 0; s < int(calls.size()); ++s)
      for (const CallableArg &callable : calls[s].callables)
        for (int callee : targets_[f][s].functions)
          for (const StoredCallable &stored : functions_[callee].storedCallables)
            if (stored.param >= 0 && unsigned(stored.param) == callable.argIndex)
              add(stored.place, f, callable.usr);
  }
  if (atPlace.empty())
    return;
  for (auto &[place, callables] : atPlace) {
    std::sort(callables.begin(), callables.end());
    callables.erase(std::unique(callables.begin(), callables.end()), callables.end());
  }
  for (int f = 0; f < int(functions_.size()); ++f) {
    const auto &calls = functions_[f].calls;
    for (int s = 0; s < int(calls.size()); ++s) {
      auto it = calls[s].invokesPlace.empty() ? atPlace.end() : atPlace.find(calls[s].invokesPlace);
      if (it == atPlace.end())
        continue;
      CallTarget &target = targets_[f][s];
      for (int callable : it->second)
        if (std::find(target.functions.begin(), target.functions.end(), callable) == target.functions.end()) {
          target.functions.push_back(callable);
          edges_[f].push_back({callable, s, false, false});
        }
      if (target.kind != CallTarget::Kind::Api)
        target.kind = CallTarget::Kind::Function;
    }
  }
}

/// The overrides a virtual call may run, transitively: those of classes the
/// program constructs (rapid type analysis). When it constructs none of
/// them, the objects come from code the analysis does not see, and every
/// override may run (class hierarchy analysis).
void ProgramModel::addOverriders(const std::string &method, CallTarget &target) const {
  // A set beside the list: a base with k overriders costs O(k), not O(k^2).
  std::unordered_set<int> seen(target.functions.begin(), target.functions.end());
  std::vector<int> all;
  std::vector<std::string> work{method};
  while (!work.empty()) {
    std::string usr = std::move(work.back());
    work.pop_back();
    auto it = overriders_.find(usr);
    if (it == overriders_.end())
      continue;
    for (int o : it->second)
      if (seen.insert(o).second) {
        all.push_back(o);
        work.push_back(functions_[o].usr);
      }
  }
  std::vector<int> constructed;
  for (int o : all)
    if (constructed_.count(functions_[o].overriderClass))
      constructed.push_back(o);
  const std::vector<int> &chosen = constructed.empty() ? all : constructed;
  if (chosen.empty())
    return;
  target.overriders.assign(chosen.begin(), chosen.end());
  target.byConstruction = !constructed.empty();
  target.functions.insert(target.functions.end(), chosen.begin(), chosen.end());
  if (target.kind != CallTarget::Kind::Api)
    target.kind = CallTarget::Kind::Function;
}

std::string ProgramModel::dispatchNote(int caller, int site, int callee) const {
  const CallTarget &target = targets_[caller][site];
  if (std::find(target.overriders.begin(), target.overriders.end(), callee) == target.overriders.end())
    return {};
  const CallSite &call = functions_[caller].calls[site];
  const size_t others = target.overriders.size() - 1;
  std::string note = "virtual call to '" + call.displayName + "' taken into the override '" + functions_[callee].name + "'";
  note += target.byConstruction ? ", of a class the program constructs" : " (no class with an override is constructed where the analysis sees it: every override is assumed)";
  if (others > 0)
    note += "; " + std::to_string(others) + (others == 1 ? " other override" : " other overrides") + " may run instead";
  return note;
}

void ProgramModel::computeSccs() {
  // Tarjan's algorithm, iterative so that deep call chains cannot overflow
  // the stack; it emits SCCs callees-first, which is the order we want.
  const int n = int(functions_.size());
  std::vector<int> index(n, -1), low(n, 0), stack;
  std::vector<bool> onStack(n, false);
  sccOf_.assign(n, -1);
  int counter = 0;
  // A spawned body counts as a successor of its spawner: the classifier
  // charges a fork-join function its workers' work, so they come first.
  std::vector<std::vector<int>> spawned(n);
  for (const SpawnSite &spawn : spawns_)
    spawned[spawn.spawner].push_back(spawn.started);
  struct Frame { int node; size_t edge; };
  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0)
      continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = true;
    while (!frames.empty()) {
      Frame &frame = frames.back();
      const auto &out = edges_[frame.node];
      const auto &started = spawned[frame.node];
      if (frame.edge < out.size() + started.size()) {
        const size_t e = frame.edge++;
        int next = e < out.size() ? out[e].callee : started[e - out.size()];
        if (index[next] < 0) {
          index[next] = low[next] = counter++;
          stack.push_back(next);
          onStack[next] = true;
          frames.push_back({next, 0});
        } else if (onStack[next]) {
          low[frame.node] = std::min(low[frame.node], index[next]);
        }
        continue;
      }
      int node = frame.node;
      frames.pop_back();
      if (!frames.empty())
        low[frames.back().node] = std::min(low[frames.back().node], low[node]);
      if (low[node] == index[node]) {
        std::vector<int> scc;
        int member;
        do {
          member = stack.back();
          stack.pop_back();
          onStack[member] = false;
          sccOf_[member] = int(sccs_.size());
          scc.push_back(member);
        } while (member != node);
        std::sort(scc.begin(), scc.end());
        sccs_.push_back(std::move(scc));
      }
    }
  }
}

/// A store whose value reads the field it writes (`n_ = n_ * 2`) says
/// nothing about its bound, and would grow it every round.
static bool readsItself(const FieldStore &store) {
  if (store.value.kind == SymbolicValue::Kind::Field && store.value.field == store.field)
    return true;
  for (const SizeFactor &x : store.value.more)
    if (x.field == store.field)
      return true;
  return false;
}

bool ProgramModel::followsInput(const SymbolicValue &value) const {
  if (value.kind == SymbolicValue::Kind::Param)
    return true;
  return value.kind == SymbolicValue::Kind::Field && inputFields_.count(value.field) > 0;
}

bool ProgramModel::followsInput(const Loop &loop) const {
  if (loop.walk)
    return false;
  if (loop.overParam)
    return true;
  const SymbolicValue &size = loop.trip.symbolic() ? loop.trip : loop.scale;
  return size.kind != SymbolicValue::Kind::Field || followsInput(size);
}

double ProgramModel::loopNestTimes(int function, int loop) const {
  double times = 1;
  const auto &loops = functions_[function].loops;
  for (; loop >= 0; loop = loops[loop].parent) {
    if (loops[loop].retry)
      continue; // a retry loop runs its body about once
    double trip = evaluate(function, loops[loop].trip);
    if (trip < 0)
      return -1;
    times *= trip;
  }
  return times;
}

double ProgramModel::callCount(int function) const {
  if (function < 0 || callers_[function].empty())
    return -1; // run through a pointer or from outside the program: unknown
  double count = 0;
  for (auto [caller, site] : callers_[function]) {
    double times = loopNestTimes(caller, functions_[caller].calls[site].loop);
    if (times < 0)
      return -1;
    count += times;
  }
  return count;
}

bool ProgramModel::updateFieldBounds() {
  bool changed = false;
  for (const FieldStore &store : fieldStores_) {
    if (readsItself(store))
      continue;
    const int in = store.function.empty() ? -1 : find(store.function);
    double v = evaluate(in, store.value);
    if (v >= 0 && store.perCall) {
      // Filled one call at a time (`add(x)` in a loop of main): as many
      // elements as the callers' loops run calls, when they say.
      const double calls = callCount(in);
      v = calls < 0 ? -1 : v * calls;
    }
    if (v <= 0)
      continue; // unknown; or zero, the empty state (`size_ = 0`, a default initialiser), not a size
    auto [it, fresh] = fieldBounds_.try_emplace(store.field, v);
    if (fresh || v > it->second) {
      it->second = v;
      changed = true;
    }
  }
  return changed;
}

void ProgramModel::propagateParamBounds() {
  callers_.assign(functions_.size(), {});
  for (int f = 0; f < int(functions_.size()); ++f)
    for (const CallEdge &edge : edges_[f])
      if (!edge.viaCallback && !edge.viaDispatch)
        callers_[edge.callee].push_back({f, edge.site});
  paramBounds_.resize(functions_.size());
  for (size_t f = 0; f < functions_.size(); ++f)
    paramBounds_[f].assign(functions_[f].numParams, -1);
  // Context-insensitive: each parameter gets the largest constant that
  // reaches it, each data member the largest value stored into it (which
  // may be a constructor's parameter: `Image(w, h) : px(w * h)`). Values
  // only grow, so a few rounds reach the fixpoint; the bound on rounds
  // keeps recursion through parameters finite.
  for (int round = 0; round < 8; ++round) {
    bool changed = updateFieldBounds();
    for (int f = 0; f < int(functions_.size()); ++f) {
      for (const CallEdge &edge : edges_[f]) {
        if (edge.viaCallback)
          continue;
        const CallSite &call = functions_[f].calls[edge.site];
        auto &bounds = paramBounds_[edge.callee];
        for (size_t a = 0; a < call.args.size() && a < bounds.size(); ++a) {
          double v = evaluate(f, call.args[a]);
          if (v > bounds[a]) {
            bounds[a] = v;
            changed = true;
          }
        }
      }
    }
    if (!changed)
      break;
  }
}

double ProgramModel::paramBound(int function, int param) const {
  if (function < 0 || function >= int(paramBounds_.size()))
    return -1;
  const auto &bounds = paramBounds_[function];
  return param >= 0 && param < int(bounds.size()) ? bounds[param] : -1;
}

double ProgramModel::factorBound(int function, int param, const std::string &field) const {
  if (param >= 0)
    return paramBound(function, param);
  auto it = fieldBounds_.find(field);
  return it == fieldBounds_.end() ? -1 : it->second;
}

double ProgramModel::evaluate(int function, const SymbolicValue &value) const {
  switch (value.kind) {
  case SymbolicValue::Kind::Constant:
    return value.value;
  case SymbolicValue::Kind::Param:
  case SymbolicValue::Kind::Field: {
    double product = value.value * factorBound(function, value.kind == SymbolicValue::Kind::Param ? value.param : -1,
                                               value.field);
    if (product < 0)
      return -1;
    for (const SizeFactor &x : value.more) {
      double bound = factorBound(function, x.param, x.field);
      if (bound < 0)
        return -1;
      product *= bound;
    }
    return product;
  }
  case SymbolicValue::Kind::Unknown:
    break;
  }
  return -1;
}

} // namespace concur
