#include "model/Descriptors.h"

#include "model/ProgramModel.h"

namespace concur {

NonblockingDescriptors::NonblockingDescriptors(const ProgramModel &model) : model_(model) {
  for (const FunctionFacts &fn : model.functions())
    keys_.insert(fn.nonblockingDescriptors.begin(), fn.nonblockingDescriptors.end());
  // Values stored from functions that return a non-blocking descriptor.
  // A few rounds cover factories of factories; each round is linear.
  for (int round = 0; round < 3; ++round) {
    bool grew = false;
    for (const FunctionFacts &fn : model.functions())
      for (const DescriptorAlias &alias : fn.descriptorAliases)
        if (!keys_.count(alias.to) && resolves(alias.from, kMaxDepth))
          grew |= keys_.insert(alias.to).second;
    if (!grew)
      break;
  }
}

bool NonblockingDescriptors::resolves(const std::string &key, int depth) const {
  if (key.empty() || depth < 0)
    return false;
  if (keys_.count(key))
    return true;
  if (key.rfind("call:", 0) != 0)
    return false;
  // A call of a program function: what that function returns.
  const std::string usr = key.substr(5);
  if (keys_.count("ret:" + usr))
    return true;
  int f = model_.find(usr);
  return f >= 0 && resolves(model_.function(f).returnedDescriptor, depth - 1);
}

} // namespace concur
