#!/usr/bin/python3
"""Writes a database holding two programs, as CMake writes one for a project
with two executables: each defines its own `step` (one blocks, one does not)
in a.cpp and calls it from a coroutine in b.cpp, and each has a `main`.

usage: make.py ROOT MOCK_HEADERS_DIR
"""
import json
import os
import sys

root, mock = sys.argv[1], sys.argv[2]
bodies = {"blocking": "std::this_thread::sleep_for(std::chrono::milliseconds(5));",
          "quiet": "++calls;"}
entries = []
for program, body in bodies.items():
    src = os.path.join(root, program)
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, "a.cpp"), "w") as f:
        f.write("#include <chrono>\n#include <thread>\nint calls;\n"
                "void step() { %s }\nint main() { step(); }\n" % body)
    with open(os.path.join(src, "b.cpp"), "w") as f:
        f.write("#include <task.h>\nvoid step();\ntask<> handle_%s() {\n  step();\n  co_return;\n}\n" % program)
    for name in ("a.cpp", "b.cpp"):
        entries.append({"directory": os.path.join(root, "build"), "file": os.path.join(src, name),
                        "output": "CMakeFiles/%s.dir/%s.o" % (program, name),
                        "arguments": ["clang++", "-std=c++20", "-nostdinc++", "-isystem", mock, "-c",
                                      os.path.join(src, name), "-o", "CMakeFiles/%s.dir/%s.o" % (program, name)]})
os.makedirs(os.path.join(root, "build"), exist_ok=True)
with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
