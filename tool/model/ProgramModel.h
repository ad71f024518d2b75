// The whole program as the analyser sees it: TU summaries merged by USR into
// one set of functions and one call graph.
//
// A definition seen by several TUs (an inline function or template in a
// header: same USR, same place) is kept once, from the first TU in path
// order, so the model does not depend on the order in which TUs were
// analysed. One USR defined in several places (each program of a database
// with its own 'main' or helper) keeps every definition; a call resolves to
// the one in the caller's TU, else to those in the same link unit (CMake's
// target, from the object path), else to all of them.
#pragma once

#include "catalog/Catalog.h"
#include "facts/Facts.h"

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace concur {

/// What a call site resolves to.
struct CallTarget {
  enum class Kind {
    Function, // a function of the program (with facts)
    Api,      // a catalogued library function
    Library,  // a library function nobody catalogued, from a system header
    Unknown,  // no body anywhere, not catalogued: an unknown external
    Indirect, // through a pointer: not resolved
  } kind = Kind::Unknown;
  std::vector<int> functions; // Kind::Function: candidates (virtual calls: overriders too)
  std::vector<int> overriders; // of those, the overrides a virtual call dispatches to
  bool byConstruction = false; // overriders: those of classes the program constructs
  const ApiEntry *api = nullptr;
  uint32_t effects = 0; // Kind::Api: the entry's effects at this call (callEffects)
};

/// A call edge: `caller` runs `callee` synchronously at `site`.
struct CallEdge {
  int callee;
  int site; // index into the caller's calls
  bool viaCallback = false; // the callee was passed as an argument and is run by the call
  bool viaDispatch = false; // a virtual call: the callee is one of the methods it may dispatch to
};

/// A function started elsewhere (thread, pool, process) by a call site.
struct SpawnSite {
  int spawner;
  int site;
  int started; // function index
  const ApiEntry *api;
};

class ProgramModel {
public:
  ProgramModel(std::vector<TUSummary> summaries, const Catalog &catalog);

  const std::vector<FunctionFacts> &functions() const { return functions_; }
  const FunctionFacts &function(int index) const { return functions_[index]; }
  /// The first definition of `usr`, or -1.
  int find(const std::string &usr) const;
  /// The definitions of `usr` a call from `caller` may run (see above).
  std::vector<int> resolve(int caller, const std::string &usr) const;
  const Catalog &catalog() const { return catalog_; }

  const CallTarget &target(int function, int site) const { return targets_[function][site]; }
  const std::vector<CallEdge> &callees(int function) const { return edges_[function]; }
  /// When `caller`'s call `site` reaches `callee` only as an override a
  /// virtual call dispatches to, a sentence that says how it was picked;
  /// otherwise empty. Findings that rest on such a step carry it as a note.
  std::string dispatchNote(int caller, int site, int callee) const;
  const std::vector<SpawnSite> &spawns() const { return spawns_; }

  /// Strongly connected components in bottom-up order (callees before callers).
  const std::vector<std::vector<int>> &sccsBottomUp() const { return sccs_; }
  int sccOf(int function) const { return sccOf_[function]; }

  /// The largest constant any call site passes for parameter `param` of
  /// `function` (directly or through its callers' parameters); <0 if none.
  double paramBound(int function, int param) const;
  /// A symbolic value with parameters and data members replaced by their
  /// bounds; <0 if unknown.
  double evaluate(int function, const SymbolicValue &value) const;
  /// Whether a size follows the caller's data: a parameter, or a data
  /// member stored from one (`Reader(const std::string &t) : text_(t)`),
  /// as opposed to the object's own state (a waiter list it fills itself).
  bool followsInput(const SymbolicValue &value) const;
  /// Whether a loop the code does not count runs over the caller's data
  /// (its work grows with it) rather than the object's own state. A loop
  /// that follows no size at all (`while (x != 1)`, `it != last`) is taken
  /// as data, unless it walks links; one that reads a parameter is the
  /// caller's data even through a member (`o->count`, `img.px`).
  bool followsInput(const Loop &loop) const;

private:
  void resolveCalls();
  void linkStoredCallables();
  void addOverriders(const std::string &method, CallTarget &target) const;
  void computeSccs();
  void propagateParamBounds();
  bool updateFieldBounds();
  /// Runs of a call site in `loop` per call of `function`; <0 if unknown.
  double loopNestTimes(int function, int loop) const;
  /// Calls of `function` per run of its callers (summed over call sites); <0 if unknown.
  double callCount(int function) const;
  double factorBound(int function, int param, const std::string &field) const;
  bool sharesTU(int a, int b) const;
  bool sharesLinkUnit(int a, int b) const;

  const Catalog &catalog_;
  std::vector<FunctionFacts> functions_;
  std::unordered_map<std::string, std::vector<int>> byUsr_; // definitions per USR
  std::vector<std::vector<int>> tusOf_; // per function: the TUs defining it, ascending
  std::vector<std::string> linkUnits_;  // per TU (in path order)
  std::unordered_map<std::string, std::vector<int>> overriders_;
  std::unordered_set<std::string> constructed_; // classes the program makes objects of
  std::vector<std::vector<CallTarget>> targets_;
  std::vector<std::vector<CallEdge>> edges_;
  std::vector<SpawnSite> spawns_;
  std::vector<std::vector<int>> sccs_;
  std::vector<int> sccOf_;
  std::vector<std::vector<double>> paramBounds_;
  std::vector<std::vector<std::pair<int, int>>> callers_; // per function: (caller, site), direct calls
  std::vector<FieldStore> fieldStores_;                 // every TU's, in TU order
  std::unordered_map<std::string, double> fieldBounds_; // largest value stored per data member
  std::unordered_set<std::string> inputFields_;         // members stored from a function's parameter
};

} // namespace concur
