// The one finding type every printer prints (text, JSON, SARIF, fixes, report, LSP).
#pragma once

#include "facts/Facts.h"

#include <string>
#include <vector>

namespace concur {

enum class Severity { Remark, Warning, Error };
const char *severityName(Severity severity);

struct Note {
  SourceLoc loc;
  std::string message;
};

struct Fix {
  std::string file;
  unsigned offset = 0;
  unsigned length = 0;
  std::string replacement;
};

struct Finding {
  std::string check;
  Severity severity = Severity::Warning;
  SourceLoc loc;
  std::string message;
  std::string function; // the function the finding is in
  std::vector<Note> notes;
  std::vector<Fix> fixes;
};

/// Sorts by file, line, column, check, message and removes duplicates (a
/// header's finding seen through several TUs is reported once). Findings of
/// one check at one source location from different functions (instantiations
/// of one template, of a generic lambda) are one finding: the first by
/// message, with a note that counts the others.
void sortAndUnique(std::vector<Finding> &findings);

} // namespace concur
