// Per-function facts extracted from one translation unit.
//
// Facts are plain data: they carry no pointers into the AST, so a TU's
// summary can be written to disk, read back, and merged with the summaries of
// other TUs by USR (see model/ProgramModel.h). Everything a check or the
// classifier needs must be here; nothing downstream looks at the AST.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concur {

struct SourceLoc {
  std::string file; // absolute path
  unsigned line = 0;
  unsigned column = 0;
  unsigned offset = 0; // byte offset in the file, for fix-its

  bool valid() const { return line != 0; }
};

/// One unknown a size is made of: a parameter of the enclosing function, or
/// a data member (bounded by what the program stores into it).
struct SizeFactor {
  int param = -1;    // index of the enclosing function's parameter, or -1
  std::string field; // USR of the data member, when param < 0
};

/// A value known about a call argument or a loop bound, before the program
/// model propagates constants across calls: a constant, or a monomial
/// `value * x * y ...` in unknown sizes (the first factor in param/field,
/// the others, as in `w * h`, in `more`).
struct SymbolicValue {
  enum class Kind { Unknown, Constant, Param, Field } kind = Kind::Unknown;
  double value = 0;   // Constant: the value; Param, Field: a factor applied to it
  int param = -1;     // Param: index of the enclosing function's parameter
  std::string field;  // Field: USR of the data member read
  std::vector<SizeFactor> more; // further factors of a product

  static SymbolicValue constant(double v) { return {Kind::Constant, v, -1, {}, {}}; }
  static SymbolicValue parameter(int index, double factor = 1) {
    return {Kind::Param, factor, index, {}, {}};
  }
  static SymbolicValue member(std::string usr, double factor = 1) {
    return {Kind::Field, factor, -1, std::move(usr), {}};
  }
  bool symbolic() const { return kind == Kind::Param || kind == Kind::Field; }
  /// How many unknown sizes multiply: 1 for `n`, 2 for `w * h`.
  unsigned degree() const { return symbolic() ? unsigned(1 + more.size()) : 0; }
};

/// A value stored into a data member somewhere in the TU (an aggregate
/// initializer, an assignment, a member initializer), or for a container
/// member its element count (constructed with a count, resized, filled in a
/// loop). `value` may name parameters of `function` (a constructor's
/// `width(w)`): the program model evaluates it with what callers pass, and
/// takes the largest per field as its bound.
struct FieldStore {
  std::string field;    // USR of the FieldDecl
  SymbolicValue value;
  std::string function; // USR of the function that stores it, for parameters
  /// Elements appended per call of `function` (`items_.push_back(x)` in
  /// `add`): the member holds `value` times the number of calls.
  bool perCall = false;
};

struct CallableArg {
  unsigned argIndex = 0;
  std::string usr;  // the function or lambda operator() passed
  std::string name;
};

/// A callable kept in a place (a variable, a data member, a container) to
/// be run where that place is invoked: a lambda or function (usr), or what
/// the function's parameter `param` is given (callers' callables).
struct StoredCallable {
  std::string place; // LockSets' locationKey of the object that keeps it
  std::string usr;   // the callable, or empty when it came through `param`
  int param = -1;
};

struct CallSite {
  std::string calleeUsr;   // empty when the callee is not known statically
  std::string calleeName;  // normalised: '::ns::Class::f', no template args
  std::string displayName; // as clang prints it: 'ns::Class::f'
  SourceLoc loc;
  unsigned calleeLength = 0; // bytes of the callee expression from loc (for fix-its)
  int loop = -1;           // innermost enclosing loop (index into loops)
  bool calleeInSystemHeader = false;
  bool calleeHasBody = false;  // a definition was visible in this TU
  bool isVirtual = false;
  bool isIndirect = false;     // through a function pointer / std::function
  bool isConstructor = false;
  /// Classes of the call's object (member call) or first argument (free
  /// function), each with its bases, normalised; for catalogue `on_type`.
  std::vector<std::string> receiverTypes;
  std::vector<SymbolicValue> args;
  /// Nanoseconds of a constant std::chrono::duration argument, if any.
  double durationNs = -1;
  std::vector<CallableArg> callables;
  /// An invocation `h()` of a library callable wrapper (std::function): the
  /// place it invokes, which runs the callables stored there.
  std::string invokesPlace;
  std::vector<std::string> locksHeld;
  std::vector<std::string> acquires; // lock keys this call acquires (lock(), a guard)
  std::vector<std::string> lockNames; // the mutexes as written, when it acquires any
  /// Inside a co_await operand: the call builds an awaitable (not run inline
  /// on the thread when it is an offload), used by the coroutine checks.
  bool inAwaitOperand = false;
  /// Where the language forbids co_await: a catch handler, the initializer
  /// of a static or thread_local local. No fix may insert one here.
  bool awaitForbidden = false;
  /// On a path the code marks as rarely taken: `if (full) [[unlikely]]`,
  /// the other branch of `[[likely]]`, `if (__builtin_expect(c, 0))`, a
  /// branch that ends by throwing, a catch handler, a throw's operand. Its
  /// cost is amortised (a queue's resize when full), not paid per call.
  bool cold = false;

  // -- Call-site refinements of a catalogue entry (docs/catalog.md) --------
  /// The global object of a member call, or the first argument of a free
  /// function, when it names one ('::std::cin'): catalogue `on_object`.
  std::string receiverObject;
  /// The result is thrown away at the end of the full expression: a
  /// std::async future destroyed there waits (`effects_if_discarded`).
  bool resultDiscarded = false;
  /// Flag macros and enumerators from system headers written in the
  /// arguments (LOCK_NB): catalogue `nonblocking_arg_flags`.
  std::vector<std::string> argFlags;

  // -- Where a coroutine runs the call (coroutine bodies only) -------------
  /// On every path here, the coroutine has moved itself to a thread pool
  /// (co_await of a `resume-on-pool` awaitable, no `resume-on-loop` since).
  bool onPool = false;
  /// The call creates a coroutine task that a catalogued `start-on-pool`
  /// call starts on a pool (`pool.spawn(make_task())`, or through a local
  /// variable: `auto t = make_task(); pool.resume(t.handle());`).
  bool startsOnPool = false;
  /// A wait on an object this coroutine already co_awaited, or whose
  /// readiness a zero-timeout poll tested on the path here: it returns at once.
  bool resultReady = false;
  /// The descriptor a read/write/recv/send/accept uses (facts/Descriptors.h
  /// keys), for catalogue entries with `nonblocking_flags`; empty if unnamed.
  std::string fdKey;
  /// The call opens, reads or writes a file of a kernel-served filesystem
  /// (/proc, /sys): a path literal there in its arguments, or an object this
  /// function opened on one (`std::ifstream in("/proc/self/status");
  /// std::getline(in, line)`). No device is waited for.
  bool virtualFile = false;
  /// Arguments (by index) that name an object this coroutine already has
  /// ready (co_awaited, or the value of a co_await): a helper's wait on that
  /// parameter returns at once (rules/BlockingInCoroutine.cpp follows the
  /// chain with receiverParam and argParams).
  std::vector<int> readyArgs;
  /// The object of the call is parameter N of the calling function; -1 if not.
  int receiverParam = -1;
  /// Per argument, the parameter of the calling function it passes on
  /// (through std::move or a copy), or -1; empty when none does.
  std::vector<int> argParams;

  // -- Loop-carried data flow (facts/LoopCarried.h), calls in a loop --------
  /// An argument or the object of the call reads a value that an earlier
  /// iteration of its innermost loop may have written (`cursor =
  /// fetch(cursor)`): the iterations' calls are chained.
  bool carriedInput = false;
  /// Arguments (by index; -1 for the object of a member call) that name a
  /// variable declared outside the innermost loop: state every iteration's
  /// call shares (a stream, a descriptor, a connection).
  std::vector<int> outerArgs;
};

/// `to` holds what `from` returns (`int fd = make_socket();`), for
/// descriptor provenance (facts/Descriptors.h).
struct DescriptorAlias {
  std::string to;
  std::string from;
};

struct Loop {
  SourceLoc loc;
  int parent = -1;
  unsigned depth = 1;
  SymbolicValue trip;  // iterations per entry
  unsigned ops = 0;    // arithmetic / memory operations directly in the body
  bool onPool = false; // in a coroutine that moved to a pool (CallSite::onPool)
  bool retry = false;  // a CAS / try-lock retry or spin loop (facts/RetryLoops.h): trip 1
  bool cold = false;   // on a path marked rarely taken (CallSite::cold)
  /// What the loop runs over, as written (`img.px`, `n`, `rows * cols`):
  /// the evidence names it when its size is only known symbolically.
  std::string over;
  /// A loop that `trip` cannot count: what its size follows (`i < n` in a
  /// while loop, `pos < text_.size()`), to tell the caller's data from the
  /// object's own state; and whether it walks a linked structure
  /// (`while (p) p = p->next`), which is state.
  SymbolicValue scale;
  bool walk = false;
  /// A binary search or a loop that halves or doubles its counter
  /// (facts/HalvingLoops.h): `trip` is kHalvingTrips, O(log n).
  bool halving = false;
  bool overParam = false; // the condition or range reads a parameter (`o->count`, `img.px`)
  // -- Loop-carried data flow (facts/LoopCarried.h) --------------------------
  /// How the iterations are counted: `for (int i = a; i < n; ++i)` with an
  /// index and a bound the body does not change, a range-for over a range
  /// the body does not change, or anything else (while, do, a bound the
  /// body changes), whose iterations depend on what earlier ones did.
  enum class Form { Other, Counted, Range } form = Form::Other;
  /// The body can leave the loop early (break, return, goto, throw, co_return).
  bool earlyExit = false;
  /// The body writes state declared outside the loop other than elements
  /// at the loop's own index (`out[i] = ...`): an accumulator, an append,
  /// a member, a global, a reference captured by a lambda.
  bool sharedWrites = false;
};

struct Access {
  std::string key;     // identity of the location: USR of the variable or field
  std::string display; // 'counter', 'Server::hits'
  SourceLoc loc;
  bool isWrite = false;
  bool isAtomic = false;
  bool isThreadLocal = false;
  enum class Base { Global, Member, Captured } base = Base::Global;
  int loop = -1;
  std::vector<std::string> locksHeld;
};

struct Suspension {
  enum class Kind { Await, Yield, Return } kind = Kind::Await;
  SourceLoc loc;
  int loop = -1;
  std::vector<std::string> locksHeld;      // on every path
  std::vector<std::string> locksMaybeHeld; // on some path
  int operandCall = -1; // the call whose result is awaited (index into calls), if any
};

struct FunctionFacts {
  std::string usr;
  std::string name; // qualified, as clang prints it, without parameters
  SourceLoc loc;
  bool isCoroutine = false;
  bool isLambda = false;
  bool isTemplateInstance = false;
  /// A constructor or a destructor: it cannot be a coroutine, so its waits
  /// cannot become co_awaits (the advice offers threads instead).
  bool isStructor = false;
  unsigned numParams = 0;
  unsigned ops = 0; // operations outside any loop
  std::vector<std::string> overrides; // USRs of methods this one overrides
  std::string overriderClass;         // USR of its class, when it overrides something
  /// Macro and enumerator names from system headers used in the body
  /// (O_NONBLOCK, SOCK_NONBLOCK, MSG_DONTWAIT): evidence that a descriptor
  /// was made non-blocking here.
  std::vector<std::string> flagNames;
  std::string returnType; // normalised class of the return type, if a class
  // -- Descriptor provenance (facts/Descriptors.h) --------------------------
  std::vector<std::string> nonblockingDescriptors; // keys this body makes non-blocking
  std::string returnedDescriptor;                  // key of what it returns, if a location
  std::vector<DescriptorAlias> descriptorAliases;
  std::vector<StoredCallable> storedCallables; // facts/StoredCallables.h
  std::vector<CallSite> calls;
  std::vector<Loop> loops;
  std::vector<Access> accesses;
  std::vector<Suspension> suspensions;
};

/// What one translation unit contributes to the program model.
struct TUSummary {
  std::string mainFile;
  /// The program or library the TU is linked into, when the build says so
  /// (CMake's object path 'CMakeFiles/<target>.dir/...'); empty if unknown.
  /// A call to a function defined in several programs resolves within it.
  std::string linkUnit;
  std::vector<FunctionFacts> functions;
  std::vector<FieldStore> fieldStores;
  /// Polymorphic classes this TU constructs an object of (a constructor is
  /// used: a variable, a temporary, new, make_unique's body), each with all
  /// its bases: their overrides are the ones a virtual call may run
  /// (rapid type analysis). Sorted, unique.
  std::vector<std::string> constructedClasses;
};

} // namespace concur
