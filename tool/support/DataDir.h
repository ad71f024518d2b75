// Where concur's data files (catalogues, check docs) are at run time.
#pragma once

#include <string>
#include <vector>

namespace concur {

/// The places a data directory is looked for, in order:
/// `<prefix>/share/concur/<relative>` next to the binary (an install), then
/// `sourceFallback` (the source tree, for a build tree).
std::vector<std::string> dataDirCandidates(const std::string &relative, const std::string &sourceFallback);

/// The first candidate that is a directory; empty when there is none (a
/// binary moved away from its data: the caller says where it looked).
std::string dataDir(const std::string &relative, const std::string &sourceFallback);

/// "'a' and 'b'": the candidates, for a message.
std::string describeCandidates(const std::vector<std::string> &candidates);

} // namespace concur
