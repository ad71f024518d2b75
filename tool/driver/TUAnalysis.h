// Parsing one translation unit and extracting its facts, isolated so that a
// parse error or a crash affects only that unit.
#pragma once

#include "facts/Facts.h"

#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace concur {

class Catalog;

struct TUResult {
  std::string file;
  bool ok = false;
  TUSummary summary;
  std::string errorText; // clang's errors, as clang prints them
  std::string errorMessage; // one line for the JSON document
};

TUResult analyseTU(const std::string &file, const clang::tooling::CompilationDatabase &db,
                   const Catalog &catalog);

} // namespace concur
