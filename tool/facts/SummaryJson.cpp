#include "facts/SummaryJson.h"

#include "support/AtomicFile.h"

#include <llvm/Support/MemoryBuffer.h>

namespace concur {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

Value toJson(const SourceLoc &loc) {
  return Array{loc.file, loc.line, loc.column, loc.offset};
}

Value toJson(const SymbolicValue &v) {
  Object o;
  switch (v.kind) {
  case SymbolicValue::Kind::Constant: return Object{{"c", v.value}};
  case SymbolicValue::Kind::Param: o = Object{{"p", v.param}, {"f", v.value}}; break;
  case SymbolicValue::Kind::Field: o = Object{{"m", v.field}, {"f", v.value}}; break;
  case SymbolicValue::Kind::Unknown: return nullptr;
  }
  if (!v.more.empty()) {
    Array more;
    for (const SizeFactor &x : v.more)
      more.push_back(Array{x.param, x.field});
    o["x"] = std::move(more);
  }
  return o;
}

Value strings(const std::vector<std::string> &list) { return Array(list); }

Value toJson(const CallSite &c) {
  Array args, callables;
  for (const auto &a : c.args) args.push_back(toJson(a));
  for (const auto &k : c.callables) callables.push_back(Array{k.argIndex, k.usr, k.name});
  return Object{{"usr", c.calleeUsr}, {"name", c.calleeName}, {"display", c.displayName},
                {"loc", toJson(c.loc)}, {"loop", c.loop}, {"system", c.calleeInSystemHeader},
                {"body", c.calleeHasBody}, {"virtual", c.isVirtual}, {"indirect", c.isIndirect},
                {"ctor", c.isConstructor}, {"types", strings(c.receiverTypes)},
                {"args", std::move(args)}, {"duration", c.durationNs},
                {"callables", std::move(callables)}, {"invokes", c.invokesPlace}, {"locks", strings(c.locksHeld)},
                {"await", c.inAwaitOperand}, {"no_await", c.awaitForbidden}, {"cold", c.cold}, {"callee_length", c.calleeLength},
                {"acquires", strings(c.acquires)}, {"lock_names", strings(c.lockNames)},
                {"object", c.receiverObject}, {"discarded", c.resultDiscarded},
                {"arg_flags", strings(c.argFlags)}, {"on_pool", c.onPool}, {"starts_on_pool", c.startsOnPool}, {"ready", c.resultReady}, {"fd", c.fdKey}, {"virtual_file", c.virtualFile},
                {"ready_args", Array(c.readyArgs)}, {"receiver_param", c.receiverParam},
                {"arg_params", Array(c.argParams)}, {"carried_input", c.carriedInput},
                {"outer_args", Array(c.outerArgs)}};
}

Value toJson(const FunctionFacts &f) {
  Array calls, loops, accesses, suspensions, aliases;
  for (const auto &c : f.calls) calls.push_back(toJson(c));
  for (const auto &a : f.descriptorAliases) aliases.push_back(Array{a.to, a.from});
  for (const auto &l : f.loops)
    loops.push_back(Object{{"loc", toJson(l.loc)}, {"parent", l.parent}, {"depth", l.depth},
                           {"trip", toJson(l.trip)}, {"ops", l.ops}, {"on_pool", l.onPool}, {"retry", l.retry}, {"cold", l.cold}, {"over", l.over},
                           {"scale", toJson(l.scale)}, {"walk", l.walk}, {"halving", l.halving}, {"over_param", l.overParam},
                           {"form", int(l.form)}, {"early_exit", l.earlyExit}, {"shared_writes", l.sharedWrites}});
  for (const auto &a : f.accesses)
    accesses.push_back(Object{{"key", a.key}, {"display", a.display}, {"loc", toJson(a.loc)},
                              {"write", a.isWrite}, {"atomic", a.isAtomic}, {"tls", a.isThreadLocal},
                              {"base", int(a.base)}, {"loop", a.loop}, {"locks", strings(a.locksHeld)}});
  Array stored;
  for (const auto &k : f.storedCallables)
    stored.push_back(Array{k.place, k.usr, k.param});
  for (const auto &s : f.suspensions)
    suspensions.push_back(Object{{"kind", int(s.kind)}, {"loc", toJson(s.loc)}, {"loop", s.loop},
                                 {"locks", strings(s.locksHeld)}, {"maybe", strings(s.locksMaybeHeld)},
                                 {"operand_call", s.operandCall}});
  return Object{{"usr", f.usr}, {"name", f.name}, {"loc", toJson(f.loc)},
                {"coroutine", f.isCoroutine}, {"lambda", f.isLambda},
                {"instance", f.isTemplateInstance}, {"structor", f.isStructor}, {"params", f.numParams}, {"ops", f.ops},
                {"overrides", strings(f.overrides)}, {"overrider_class", f.overriderClass}, {"flags", strings(f.flagNames)},
                {"return_type", f.returnType}, {"calls", std::move(calls)},
                {"loops", std::move(loops)}, {"accesses", std::move(accesses)},
                {"suspensions", std::move(suspensions)}, {"stored", std::move(stored)},
                {"nonblocking_fds", strings(f.nonblockingDescriptors)},
                {"returned_fd", f.returnedDescriptor}, {"fd_aliases", std::move(aliases)}};
}

/// Reads fields with a path for errors; every accessor records the first
/// problem and returns a default so that parsing code stays linear.
class Reader {
public:
  Reader() = default;

  void get(const Object *o, llvm::StringRef key, unsigned &out, llvm::json::Path path) {
    int64_t v = 0;
    get(o, key, v, path);
    out = unsigned(v);
  }
  template <typename T> void get(const Object *o, llvm::StringRef key, T &out, llvm::json::Path path) {
    const Value *v = o ? o->get(key) : nullptr;
    if (!v || !fromJSON(*v, out, path.field(key)))
      fail(path.field(key));
  }
  void loc(const Object *o, llvm::StringRef key, SourceLoc &out, llvm::json::Path path) {
    const Array *a = o ? o->getArray(key) : nullptr;
    if (!a || a->size() != 4) return fail(path.field(key));
    auto file = (*a)[0].getAsString();
    auto line = (*a)[1].getAsInteger(), col = (*a)[2].getAsInteger(), off = (*a)[3].getAsInteger();
    if (!file || !line || !col || !off) return fail(path.field(key));
    out = {file->str(), unsigned(*line), unsigned(*col), unsigned(*off)};
  }
  void value(const Value *v, SymbolicValue &out, llvm::json::Path path) {
    if (!v || v->kind() == Value::Null) return;
    const Object *o = v->getAsObject();
    if (!o) return fail(path);
    if (auto c = o->getNumber("c")) out = SymbolicValue::constant(*c);
    else if (auto p = o->getInteger("p")) out = SymbolicValue::parameter(int(*p), o->getNumber("f").value_or(1));
    else if (auto m = o->getString("m")) out = SymbolicValue::member(m->str(), o->getNumber("f").value_or(1));
    else return fail(path);
    if (const Array *more = o->getArray("x"))
      for (const Value &x : *more) {
        const Array *pair = x.getAsArray();
        if (!pair || pair->size() != 2 || !(*pair)[0].getAsInteger() || !(*pair)[1].getAsString())
          return fail(path);
        out.more.push_back({int(*(*pair)[0].getAsInteger()), (*pair)[1].getAsString()->str()});
      }
  }
  void fail(llvm::json::Path path) {
    if (!failed_) path.report("missing or malformed field");
    failed_ = true;
  }
  bool failed() const { return failed_; }

private:
  bool failed_ = false;
};

CallSite readCall(Reader &r, const Object *o, llvm::json::Path p) {
  CallSite c;
  r.get(o, "usr", c.calleeUsr, p); r.get(o, "name", c.calleeName, p);
  r.get(o, "display", c.displayName, p); r.loc(o, "loc", c.loc, p); r.get(o, "loop", c.loop, p);
  r.get(o, "system", c.calleeInSystemHeader, p); r.get(o, "body", c.calleeHasBody, p);
  r.get(o, "virtual", c.isVirtual, p); r.get(o, "invokes", c.invokesPlace, p); r.get(o, "indirect", c.isIndirect, p);
  r.get(o, "ctor", c.isConstructor, p); r.get(o, "types", c.receiverTypes, p);
  r.get(o, "duration", c.durationNs, p); r.get(o, "locks", c.locksHeld, p);
  r.get(o, "await", c.inAwaitOperand, p); r.get(o, "no_await", c.awaitForbidden, p);
  r.get(o, "cold", c.cold, p);
  r.get(o, "callee_length", c.calleeLength, p);
  r.get(o, "acquires", c.acquires, p); r.get(o, "lock_names", c.lockNames, p);
  r.get(o, "object", c.receiverObject, p); r.get(o, "discarded", c.resultDiscarded, p);
  r.get(o, "arg_flags", c.argFlags, p); r.get(o, "on_pool", c.onPool, p); r.get(o, "starts_on_pool", c.startsOnPool, p);
  r.get(o, "ready", c.resultReady, p); r.get(o, "fd", c.fdKey, p); r.get(o, "virtual_file", c.virtualFile, p);
  r.get(o, "ready_args", c.readyArgs, p); r.get(o, "receiver_param", c.receiverParam, p);
  r.get(o, "arg_params", c.argParams, p);
  r.get(o, "carried_input", c.carriedInput, p); r.get(o, "outer_args", c.outerArgs, p);
  if (const Array *args = o ? o->getArray("args") : nullptr)
    for (size_t i = 0; i < args->size(); ++i) {
      c.args.emplace_back();
      r.value(&(*args)[i], c.args.back(), p.field("args").index(i));
    }
  if (const Array *callables = o ? o->getArray("callables") : nullptr)
    for (const Value &v : *callables) {
      const Array *a = v.getAsArray();
      if (!a || a->size() != 3) { r.fail(p.field("callables")); break; }
      c.callables.push_back({unsigned((*a)[0].getAsInteger().value_or(0)),
                             (*a)[1].getAsString().value_or("").str(),
                             (*a)[2].getAsString().value_or("").str()});
    }
  return c;
}

FunctionFacts readFunction(Reader &r, const Object *o, llvm::json::Path p) {
  FunctionFacts f;
  r.get(o, "usr", f.usr, p); r.get(o, "name", f.name, p); r.loc(o, "loc", f.loc, p);
  r.get(o, "coroutine", f.isCoroutine, p); r.get(o, "lambda", f.isLambda, p);
  r.get(o, "instance", f.isTemplateInstance, p); r.get(o, "params", f.numParams, p);
  r.get(o, "structor", f.isStructor, p);
  r.get(o, "ops", f.ops, p); r.get(o, "overrides", f.overrides, p);
  r.get(o, "overrider_class", f.overriderClass, p);
  r.get(o, "flags", f.flagNames, p); r.get(o, "return_type", f.returnType, p);
  r.get(o, "nonblocking_fds", f.nonblockingDescriptors, p); r.get(o, "returned_fd", f.returnedDescriptor, p);
  if (const Array *aliases = o ? o->getArray("fd_aliases") : nullptr)
    for (const Value &v : *aliases) {
      const Array *a = v.getAsArray();
      if (!a || a->size() != 2) { r.fail(p.field("fd_aliases")); break; }
      f.descriptorAliases.push_back({(*a)[0].getAsString().value_or("").str(), (*a)[1].getAsString().value_or("").str()});
    }
  if (const Array *stored = o ? o->getArray("stored") : nullptr)
    for (const Value &v : *stored) {
      const Array *a = v.getAsArray();
      if (!a || a->size() != 3 || !(*a)[2].getAsInteger()) { r.fail(p.field("stored")); break; }
      f.storedCallables.push_back({(*a)[0].getAsString().value_or("").str(), (*a)[1].getAsString().value_or("").str(),
                                   int(*(*a)[2].getAsInteger())});
    }
  else
    r.fail(p.field("stored"));
  auto each = [&](llvm::StringRef key, auto fn) {
    const Array *a = o ? o->getArray(key) : nullptr;
    if (!a) return r.fail(p.field(key));
    for (size_t i = 0; i < a->size(); ++i) fn((*a)[i].getAsObject(), p.field(key).index(i));
  };
  each("calls", [&](const Object *c, llvm::json::Path cp) { f.calls.push_back(readCall(r, c, cp)); });
  each("loops", [&](const Object *l, llvm::json::Path lp) {
    Loop loop;
    r.loc(l, "loc", loop.loc, lp); r.get(l, "parent", loop.parent, lp);
    r.get(l, "depth", loop.depth, lp); r.get(l, "ops", loop.ops, lp); r.get(l, "on_pool", loop.onPool, lp);
    r.get(l, "retry", loop.retry, lp); r.get(l, "over", loop.over, lp);
    r.get(l, "cold", loop.cold, lp);
    int form = 0;
    r.get(l, "form", form, lp); r.get(l, "early_exit", loop.earlyExit, lp);
    r.get(l, "shared_writes", loop.sharedWrites, lp);
    loop.form = form == 1 ? Loop::Form::Counted : form == 2 ? Loop::Form::Range : Loop::Form::Other;
    r.value(l ? l->get("trip") : nullptr, loop.trip, lp.field("trip"));
    r.value(l ? l->get("scale") : nullptr, loop.scale, lp.field("scale")); r.get(l, "walk", loop.walk, lp);
    r.get(l, "halving", loop.halving, lp);
    r.get(l, "over_param", loop.overParam, lp);
    f.loops.push_back(loop);
  });
  each("accesses", [&](const Object *a, llvm::json::Path ap) {
    Access acc;
    int base = 0;
    r.get(a, "key", acc.key, ap); r.get(a, "display", acc.display, ap); r.loc(a, "loc", acc.loc, ap);
    r.get(a, "write", acc.isWrite, ap); r.get(a, "atomic", acc.isAtomic, ap);
    r.get(a, "tls", acc.isThreadLocal, ap); r.get(a, "base", base, ap);
    r.get(a, "loop", acc.loop, ap); r.get(a, "locks", acc.locksHeld, ap);
    acc.base = Access::Base(base);
    f.accesses.push_back(acc);
  });
  each("suspensions", [&](const Object *s, llvm::json::Path sp) {
    Suspension susp;
    int kind = 0;
    r.get(s, "kind", kind, sp); r.loc(s, "loc", susp.loc, sp); r.get(s, "loop", susp.loop, sp);
    r.get(s, "locks", susp.locksHeld, sp); r.get(s, "maybe", susp.locksMaybeHeld, sp);
    r.get(s, "operand_call", susp.operandCall, sp);
    susp.kind = Suspension::Kind(kind);
    f.suspensions.push_back(susp);
  });
  return f;
}

} // namespace

Value toJson(const TUSummary &summary) {
  Array functions;
  for (const auto &f : summary.functions)
    functions.push_back(toJson(f));
  Array stores;
  for (const auto &store : summary.fieldStores)
    stores.push_back(Object{{"m", store.field}, {"v", toJson(store.value)}, {"fn", store.function},
                            {"per_call", store.perCall}});
  return Object{{"format", "concur-tu-summary"}, {"version", 7},
                {"main_file", summary.mainFile}, {"link_unit", summary.linkUnit},
                {"functions", std::move(functions)},
                {"field_stores", std::move(stores)},
                {"constructed_classes", strings(summary.constructedClasses)}};
}

llvm::Expected<TUSummary> summaryFromJson(const Value &value) {
  llvm::json::Path::Root root("summary");
  llvm::json::Path path(root);
  Reader reader;
  TUSummary summary;
  const Object *o = value.getAsObject();
  if (!o || o->getString("format") != "concur-tu-summary" || o->getInteger("version") != 7)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a concur TU summary (format/version)");
  reader.get(o, "main_file", summary.mainFile, path);
  reader.get(o, "link_unit", summary.linkUnit, path);
  if (const Array *functions = o->getArray("functions"))
    for (size_t i = 0; i < functions->size(); ++i)
      summary.functions.push_back(
          readFunction(reader, (*functions)[i].getAsObject(), path.field("functions").index(i)));
  else
    reader.fail(path.field("functions"));
  if (const Array *stores = o->getArray("field_stores"))
    for (size_t i = 0; i < stores->size(); ++i) {
      const Object *store = (*stores)[i].getAsObject();
      llvm::json::Path sp = path.field("field_stores").index(i);
      FieldStore fs;
      reader.get(store, "m", fs.field, sp);
      reader.get(store, "fn", fs.function, sp);
      reader.get(store, "per_call", fs.perCall, sp);
      reader.value(store ? store->get("v") : nullptr, fs.value, sp.field("v"));
      summary.fieldStores.push_back(std::move(fs));
    }
  else
    reader.fail(path.field("field_stores"));
  reader.get(o, "constructed_classes", summary.constructedClasses, path);
  if (reader.failed())
    return root.getError();
  return summary;
}

llvm::Error writeSummary(const TUSummary &summary, const std::string &path) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << toJson(summary);
  return writeFileAtomically(path, text);
}

llvm::Expected<TUSummary> readSummary(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "%s: %s", path.c_str(),
                                   buffer.getError().message().c_str());
  auto value = llvm::json::parse((*buffer)->getBuffer());
  if (!value)
    return value.takeError();
  return summaryFromJson(*value);
}

} // namespace concur
