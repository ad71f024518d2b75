#include "classify/ProfileMatch.h"

#include "classify/ProfileNames.h"
#include "model/ProgramModel.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace concur {

namespace {

/// The model's functions by name key, each list in source order (the order
/// in which Itanium numbers lambdas).
class FunctionIndex {
public:
  explicit FunctionIndex(const ProgramModel &model) : model_(model) {
    for (int f = 0; f < int(model.functions().size()); ++f)
      byKey_[functionNameKey(model.function(f).name)].push_back(f);
    for (auto &[key, list] : byKey_)
      std::sort(list.begin(), list.end(), [&](int a, int b) {
        const SourceLoc &x = model.function(a).loc, &y = model.function(b).loc;
        return std::tie(x.file, x.line, x.column, a) < std::tie(y.file, y.line, y.column, b);
      });
  }

  /// The functions a profile name measures: all overloads of a name, unless
  /// the number of parameters tells them apart; one lambda, or none when
  /// several lambdas of one scope cannot be told apart.
  std::vector<int> candidates(const NameKey &key) const {
    auto it = byKey_.find(key.key);
    if (it == byKey_.end())
      return {};
    std::vector<int> list = it->second;
    if (key.arity >= 0 && list.size() > 1) {
      std::vector<int> same;
      for (int f : list)
        if (int(model_.function(f).numParams) == key.arity)
          same.push_back(f);
      if (!same.empty())
        list = std::move(same);
    }
    if (!key.lambda)
      return list;
    if (key.lambdaOrdinal >= 1) // Itanium numbers by signature; the arity approximates it
      return size_t(key.lambdaOrdinal) <= list.size() ? std::vector<int>{list[key.lambdaOrdinal - 1]}
                                                     : std::vector<int>{};
    return list.size() == 1 ? list : std::vector<int>{};
  }

private:
  const ProgramModel &model_;
  std::unordered_map<std::string, std::vector<int>> byKey_;
};

void add(std::optional<Measurement> &into, const ProfileEntry &entry) {
  if (!into)
    into.emplace();
  into->calls += entry.calls;
  into->wallNs += entry.wallNs;
  into->cpuNs += entry.cpuNs;
  into->blockedNs += entry.blockedNs;
}

std::string absolute(const std::string &path) {
  llvm::SmallString<256> out(path);
  llvm::sys::fs::make_absolute(out);
  return std::string(out);
}

} // namespace

std::vector<std::optional<Measurement>> matchProfile(const Profile &profile, const ProgramModel &model,
                                                     ProfileStats &stats) {
  stats = ProfileStats{absolute(profile.path), 0, 0};
  FunctionIndex index(model);
  std::vector<std::optional<Measurement>> out(model.functions().size());
  for (const ProfileEntry &entry : profile.entries) {
    std::vector<int> functions = index.candidates(profileNameKey(entry.name));
    ++(functions.empty() ? stats.unmatched : stats.matched);
    for (int f : functions)
      add(out[f], entry);
  }
  return out;
}

} // namespace concur
