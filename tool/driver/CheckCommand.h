// `concur check`: inputs -> facts -> program model -> verdicts and findings -> output.
#pragma once

#include <string>
#include <vector>

namespace concur {

int runCheck(const std::vector<std::string> &args);

} // namespace concur
