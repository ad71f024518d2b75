// The sub-commands of the `concur` binary.
#pragma once

namespace concur {

int runCommandLine(int argc, char **argv);

} // namespace concur
