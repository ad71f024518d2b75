#include "output/Printers.h"

#include <yaml-cpp/yaml.h>

namespace concur {

void printFixesYaml(const Results &results, const std::string &buildDirectory, llvm::raw_ostream &os) {
  // The clang-tidy --export-fixes document, so clang-apply-replacements
  // applies it unchanged.
  YAML::Emitter out;
  out << YAML::BeginDoc << YAML::BeginMap;
  out << YAML::Key << "MainSourceFile" << YAML::Value << (results.files.size() == 1 ? results.files[0] : "");
  out << YAML::Key << "Diagnostics" << YAML::Value << YAML::BeginSeq;
  for (const Finding &f : results.findings) {
    if (f.fixes.empty())
      continue;
    out << YAML::BeginMap;
    out << YAML::Key << "DiagnosticName" << YAML::Value << f.check;
    out << YAML::Key << "DiagnosticMessage" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "Message" << YAML::Value << f.message;
    out << YAML::Key << "FilePath" << YAML::Value << f.loc.file;
    out << YAML::Key << "FileOffset" << YAML::Value << f.loc.offset;
    out << YAML::Key << "Replacements" << YAML::Value << YAML::BeginSeq;
    for (const Fix &x : f.fixes)
      out << YAML::BeginMap << YAML::Key << "FilePath" << YAML::Value << x.file << YAML::Key << "Offset"
          << YAML::Value << x.offset << YAML::Key << "Length" << YAML::Value << x.length << YAML::Key
          << "ReplacementText" << YAML::Value << YAML::SingleQuoted << x.replacement << YAML::EndMap;
    out << YAML::EndSeq << YAML::EndMap;
    out << YAML::Key << "Level" << YAML::Value << (f.severity == Severity::Error ? "Error" : "Warning");
    out << YAML::Key << "BuildDirectory" << YAML::Value << buildDirectory;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndDoc;
  os << out.c_str() << "\n";
}

} // namespace concur
