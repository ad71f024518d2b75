// Descriptor provenance, from one function body: which descriptors the code
// makes non-blocking, and how a descriptor argument is named so that the
// program model can tell, program-wide, whether the descriptor a read uses
// was made non-blocking anywhere (issue 9, item 1).
//
// A descriptor is named by its location key (LockSets' locationKey):
// 'v:<usr>' for a variable or parameter, 'm:<usr>' for a data member (any
// object of the class), '...[]' for an element of an array member
// (m_fds[0], and a range-for variable over it). A descriptor returned by a
// function of the program is 'call:<usr>', resolved by the model through
// that function's returned key; 'ret:<usr>' says the function itself
// returns a descriptor it made non-blocking.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXCtorInitializer;
class Expr;
class FunctionDecl;
class ParentMap;
class Stmt;
class VarDecl;
} // namespace clang

namespace concur {

class DescriptorNames {
public:
  DescriptorNames(const clang::FunctionDecl *fn, const clang::ParentMap &parents);
  ~DescriptorNames();

  /// A constructor's member initialiser: what its value stores into the member.
  void addMemberInit(const clang::CXXCtorInitializer *init);
  /// A range-for variable stands for an element of its range.
  void addRangeVariable(const clang::VarDecl *var, const clang::Expr *range);
  /// The key of a descriptor expression, or empty when it is not a location.
  std::string keyOf(const clang::Expr *e) const;
  /// For `handle.fd()`, `socket.native_handle()`: the key of the object
  /// whose integer handle a zero-argument accessor returns, or empty. An
  /// owning wrapper made non-blocking names its own descriptor, not every
  /// wrapper's.
  std::string accessedObject(const clang::Expr *e) const;
  /// The key of what the value of `call` is stored into: the variable it
  /// initialises or is assigned to, or 'ret:<usr>' when it is returned.
  std::string destinationOf(const clang::CallExpr *call) const;

  /// Records what a call of socket, accept4, pipe2, socketpair, fcntl(F_SETFL), ioctl
  /// (FIONBIO), open, eventfd, timerfd_create, signalfd or inotify_init1
  /// does to a descriptor's blocking mode. `argFlags`: the flag names in
  /// its arguments. fcntl's O_NONBLOCK may come through a variable: such
  /// calls are kept until `finish` sees the body's flags.
  void recordCall(const clang::CallExpr *call, const std::string &name, const std::vector<std::string> &argFlags);
  /// The keys made non-blocking, given every flag name the body uses.
  std::vector<std::string> finish(const std::set<std::string> &bodyFlags);

private:
  const clang::Stmt *parentOf(const clang::Stmt *s) const;

  const clang::FunctionDecl *fn_;
  const clang::ParentMap &parents_;
  std::unique_ptr<clang::ParentMap> initParents_; // over the member initialisers, outside the body
  std::map<const clang::Stmt *, std::string> initDestinations_;
  std::map<const clang::VarDecl *, std::string> rangeElements_;
  std::set<std::string> nonblocking_;
  std::vector<std::string> pendingFcntl_; // F_SETFL whose flags come through a variable
};

} // namespace concur
