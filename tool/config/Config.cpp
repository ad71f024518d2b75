#include "config/Config.h"

#include "config/YamlUtil.h"
#include "support/Paths.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace concur {

std::string ConfigError::str() const {
  if (line == 0) // the file as a whole (it cannot be read)
    return file + ": " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

namespace {

const OptionDecl *findOption(const std::vector<OptionTable> &tables, const std::string &key) {
  for (const auto &table : tables)
    for (const auto &decl : table.options)
      if (key == table.owner + "." + decl.name)
        return &decl;
  return nullptr;
}

void readGlobs(const YAML::Node &node, const char *key, std::optional<std::string> &out) {
  if (!node)
    return;
  std::string text = yaml::string(node, key);
  GlobList globs;
  if (auto error = GlobList::parse(text, globs))
    throw yaml::Error(node, *error);
  out = text;
}

/// A YAML scalar that reads back as exactly `text`: single-quoted (a quote
/// doubled), or double-quoted with escapes when it holds a line break or
/// another control character, which single quotes would fold or reject.
std::string yamlQuoted(const std::string &text) {
  bool plain = true;
  for (unsigned char c : text)
    plain &= c >= 0x20 && c != 0x7f;
  std::string out(1, plain ? '\'' : '"');
  for (unsigned char c : text) {
    if (plain) {
      out += c == '\'' ? "''" : std::string(1, char(c));
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\x%02x", c);
      out += escape;
    } else {
      out += char(c);
    }
  }
  return out + out[0];
}

/// The shortest '%g' form (6 significant digits at least, as before) that
/// reads back as the same double: '250', '2e+07', '0.1234567'.
std::string yamlNumber(double value) {
  char text[32];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value)
      break;
  }
  return text; // nan (never equal to itself) ends at 17 digits: 'nan'
}

} // namespace

std::optional<Config> loadConfig(const std::string &path, const std::vector<OptionTable> &tables,
                                 ConfigError &error) {
  Config config;
  config.path = path;
  try {
    YAML::Node root = yaml::loadFile(path);
    if (root.IsNull())
      return config; // an empty file is a valid, empty configuration
    yaml::requireMap(root, "configuration");
    yaml::rejectUnknownKeys(root,
                            {"Checks", "WarningsAsErrors", "HeaderFilterRegex", "ExcludeHeaderFilterRegex",
                             "Catalogs", "CheckOptions", "InheritParentConfig"},
                            "configuration");
    if (YAML::Node inherit = root["InheritParentConfig"])
      config.inheritParent = yaml::boolean(inherit, "InheritParentConfig");
    readGlobs(root["Checks"], "Checks", config.checks);
    readGlobs(root["WarningsAsErrors"], "WarningsAsErrors", config.warningsAsErrors);
    if (YAML::Node filter = root["HeaderFilterRegex"])
      config.headerFilter = yaml::string(filter, "HeaderFilterRegex");
    if (YAML::Node filter = root["ExcludeHeaderFilterRegex"])
      config.excludeHeaderFilter = yaml::string(filter, "ExcludeHeaderFilterRegex");

    llvm::SmallString<256> dir(llvm::sys::path::parent_path(path));
    llvm::sys::fs::make_absolute(dir);
    for (const auto &catalog : yaml::optStringList(root["Catalogs"], "Catalogs")) {
      llvm::SmallString<256> full(catalog);
      if (!llvm::sys::path::is_absolute(full)) {
        full = dir;
        llvm::sys::path::append(full, catalog);
      }
      config.catalogs.push_back(std::string(full));
    }
    if (YAML::Node options = root["CheckOptions"]) {
      yaml::requireMap(options, "CheckOptions");
      for (const auto &kv : options) {
        const std::string key = kv.first.Scalar();
        if (!findOption(tables, key))
          throw yaml::Error(kv.first, "unknown option '" + key + "'");
        config.options.set(key, yaml::number(kv.second, key.c_str()));
      }
    }
  } catch (const yaml::Error &e) {
    error = {path, e.line, e.column, e.message};
    return std::nullopt;
  } catch (const YAML::Exception &e) {
    error = {path, unsigned(e.mark.line + 1), unsigned(e.mark.column + 1), e.msg};
    return std::nullopt;
  }
  return config;
}

std::string findConfigAbove(const std::string &start) {
  return findAbove(start, ".concur.yaml", [](const std::string &path) { return llvm::sys::fs::is_regular_file(path); });
}

std::string dumpConfig(const Config &config, const std::string &checks,
                       const std::vector<OptionTable> &tables) {
  std::ostringstream os;
  os << "Checks: " << yamlQuoted(checks) << "\n";
  os << "WarningsAsErrors: " << yamlQuoted(config.warningsAsErrors.value_or("")) << "\n";
  os << "HeaderFilterRegex: " << yamlQuoted(config.headerFilter.value_or(".*")) << "\n";
  os << "ExcludeHeaderFilterRegex: " << yamlQuoted(config.excludeHeaderFilter.value_or("")) << "\n";

  os << "Catalogs: [";
  for (size_t i = 0; i < config.catalogs.size(); ++i)
    os << (i ? ", " : "") << yamlQuoted(config.catalogs[i]);
  os << "]\nCheckOptions:\n";
  for (const auto &table : tables)
    for (const auto &decl : table.options)
      os << "  " << table.owner << "." << decl.name << ": " << yamlNumber(config.options.get(table.owner, decl))
         << "\n";
  return os.str();
}

} // namespace concur
