// concur: the command-line entry point; sub-commands live in driver/.
#include "driver/Commands.h"

int main(int argc, char **argv) { return concur::runCommandLine(argc, argv); }
