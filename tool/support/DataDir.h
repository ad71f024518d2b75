// Where concur's data files (catalogues, check docs) are at run time.
#pragma once

#include <string>

namespace concur {

/// `<prefix>/share/concur/<relative>` next to an installed binary if it
/// exists, otherwise `sourceFallback` (the source tree, for a build tree).
std::string dataDir(const std::string &relative, const std::string &sourceFallback);

} // namespace concur
