#!/usr/bin/python3
"""Every check listed by `concur list-checks` has its page (whose summary is
the same sentence), a lit test that fires and one file that stays silent, and
the docs index is current. Usage: check_pages.py CONCUR ROOT"""
import glob
import os
import subprocess
import sys

concur, root = sys.argv[1], sys.argv[2]
out = subprocess.run([concur, "list-checks"], capture_output=True, text=True, check=True).stdout.split("\n")
checks = {}
for i, line in enumerate(out):
    if line.startswith("concur-"):
        checks[line.split()[0]] = out[i + 1].strip()
problems = []
for name, summary in sorted(checks.items()):
    page = f"{root}/docs/checks/{name}.md"
    if not os.path.exists(page):
        problems.append(f"{name}: no page {page}")
        continue
    lines = [l for l in open(page).read().split("\n")[1:] if l.strip()]
    if lines[0].rstrip(".").lower() != summary.lower():
        problems.append(f"{name}: page summary '{lines[0]}' differs from list-checks '{summary}'")
    tests = glob.glob(f"{root}/tests/lit/checks/{name[len('concur-'):]}*")
    if not any("warning:" in open(t).read() or "remark:" in open(t).read() for t in tests):
        problems.append(f"{name}: no lit test expecting a warning or remark")
    if not any("_silent" in open(t).read() or "silent" in open(t).read() for t in tests):
        problems.append(f"{name}: no lit test of silent cases")
if subprocess.run([f"{root}/scripts/docs-index", "--check"]).returncode != 0:
    problems.append("docs/checks/README.md is stale")
for p in problems:
    print(p)
print(f"{len(checks)} checks, {len(problems)} problems")
sys.exit(1 if problems else 0)
