// Which descriptors are non-blocking, program-wide (issue 9, item 1).
//
// Event-loop code makes a socket or pipe non-blocking away from the
// function that reads it: in a constructor, a factory, a `set_nonblocking`
// member. A descriptor named by the same key (facts/Descriptors.h) that is
// made non-blocking anywhere the program shows is non-blocking wherever it
// is read: a data member in every member function, in every TU; a variable
// initialised from a function that returns a non-blocking descriptor; a
// getter that returns such a member.
#pragma once

#include <string>
#include <unordered_set>

namespace concur {

class ProgramModel;

class NonblockingDescriptors {
public:
  explicit NonblockingDescriptors(const ProgramModel &model);

  /// The descriptor named `key` was made non-blocking somewhere.
  bool contains(const std::string &key) const { return resolves(key, kMaxDepth); }

private:
  static constexpr int kMaxDepth = 4; // getters of getters
  bool resolves(const std::string &key, int depth) const;

  const ProgramModel &model_;
  std::unordered_set<std::string> keys_;
};

} // namespace concur
