#!/usr/bin/python3
"""Writes a project of N translation units, each in its own directory, with a
compilation database whose entries have different `directory` values,
relative `file` paths and relative include paths: what CMake writes for a
project with many targets. Every TU has one blocking call in a coroutine, so
a run that loses a TU also loses a finding.

usage: mixed_dirs.py ROOT N MOCK_HEADERS_DIR
"""
import json
import os
import sys

root, count = sys.argv[1], int(sys.argv[2])
entries = []
for i in range(count):
    unit = os.path.join(root, "unit%02d" % i)
    os.makedirs(os.path.join(unit, "include"), exist_ok=True)
    with open(os.path.join(unit, "include", "local.h"), "w") as f:
        f.write("#pragma once\nconstexpr int kUnit = %d;\n" % i)
    with open(os.path.join(unit, "source.cpp"), "w") as f:
        f.write('#include "local.h"\n'
                '#include <task.h>\n'
                '#include <thread>\n'
                '#include <chrono>\n'
                'task<int> handle%d() {\n'
                '  std::this_thread::sleep_for(std::chrono::milliseconds(kUnit + 1));\n'
                '  co_return;\n'
                '}\n' % i)
    entries.append({"directory": unit, "file": "source.cpp",
                    "arguments": ["clang++", "-std=c++20", "-nostdinc++", "-isystem", sys.argv[3],
                                  "-Iinclude", "-c", "source.cpp", "-o", "source.o"]})
os.makedirs(os.path.join(root, "build"), exist_ok=True)
with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
