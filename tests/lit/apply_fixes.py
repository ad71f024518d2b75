#!/usr/bin/python3
"""Applies every fix-it concur offers on the given lit sources, the way a
user would (--export-fixes, then clang-apply-replacements-19), and compiles
each fixed file: a fix that does not compile fails the test.

usage: apply_fixes.py CONCUR MOCK_HEADERS_DIR WORK_DIR SOURCE...
Prints one line per fixed file and a total; exits 1 when a fixed file does
not compile, when concur fails on a file, or when no fix was applied at all
(the test would prove nothing).
"""
import glob
import os
import shutil
import subprocess
import sys

concur, mock, work = sys.argv[1:4]
sources = sys.argv[4:]
mock_flags = ["-std=c++20", "-nostdinc++", "-isystem", mock]


def flags_of(source):
    """The test's own compile flags: the mock headers when its RUN lines use
    %mockflags, the real standard library otherwise."""
    runs = [line for line in open(source) if "RUN:" in line]
    return mock_flags if any("%mockflags" in line for line in runs) else ["-std=c++20"]


shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(work, "fixes"))
copies = []
for source in sources:
    copy = os.path.join(work, os.path.basename(source))
    shutil.copy(source, copy)
    fixes = os.path.join(work, "fixes", os.path.basename(source) + ".yaml")
    run = subprocess.run([concur, "check", "--quiet", "--export-fixes=" + fixes, copy, "--"] + flags_of(source),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"concur failed on {source} (exit {run.returncode}):\n{run.stderr}")
    copies.append(copy)
before = {c: open(c).read() for c in copies}
apply = subprocess.run(["clang-apply-replacements-19", os.path.join(work, "fixes")], capture_output=True, text=True)
if apply.returncode != 0:
    sys.exit(f"clang-apply-replacements-19 failed:\n{apply.stdout}{apply.stderr}")
fixed = [c for c in copies if open(c).read() != before[c]]
failures = 0
for copy in fixed:
    source = next(s for s in sources if os.path.basename(s) == os.path.basename(copy))
    compile = subprocess.run(["clang++-19", "-fsyntax-only", "-w"] + flags_of(source) + [copy],
                             capture_output=True, text=True)
    status = "compiles" if compile.returncode == 0 else "does not compile"
    print(f"{os.path.basename(copy)}: fixed, {status}")
    if compile.returncode != 0:
        failures += 1
        print(compile.stderr)
print(f"{len(fixed)} fixed files, {failures} that do not compile")
if not fixed:
    sys.exit("no fix was applied: the test proves nothing")
sys.exit(1 if failures else 0)
