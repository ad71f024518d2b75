// Options of checks and of the classifier, declared once.
//
// Each option is one OptionDecl (name, default, documentation); reading it
// from `CheckOptions:`, validating unknown keys, dumping the effective
// configuration and the docs' Options sections all come from these tables.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace concur {

struct OptionDecl {
  const char *name;    // 'MinIterations'
  double defaultValue;
  const char *doc;
};

/// The options a component (a check, the classifier) declares.
struct OptionTable {
  std::string owner; // 'concur-cpu-in-event-loop', 'concur-classification'
  std::vector<OptionDecl> options;
};

/// Values from the configuration, keyed 'owner.Name'.
class OptionValues {
public:
  void set(const std::string &key, double value) { values_[key] = value; }
  double get(const std::string &owner, const OptionDecl &decl) const {
    auto it = values_.find(owner + "." + decl.name);
    return it == values_.end() ? decl.defaultValue : it->second;
  }
  const std::map<std::string, double> &all() const { return values_; }

private:
  std::map<std::string, double> values_;
};

/// Every option table known to the tool (the classifier's and each check's).
std::vector<OptionTable> allOptionTables();

} // namespace concur
