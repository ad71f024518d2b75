#!/usr/bin/python3
"""Compare concur's classification with the measured labels.

Usage: check_agreement.py CONCUR_BINARY [--labels labels.json] [--verbose]

For every case in labels.json, runs

    CONCUR_BINARY check --format=json --quiet FILES -- -std=c++20 -pthread   (C++)
    CONCUR_BINARY check --format=json --quiet FILES -- -pthread              (C)

where FILES is the case's file, or both files of a directory case. Reads the
JSON document's top-level `functions` list and matches each label by `name`
(the qualified name without parameters). Prints one line per label, the
classification and recommendation agreement, and `N passed, M failed`
(classification). Exit status:

    0  classification agreement >= 90% and every labelled function reported
    1  agreement below 90%, a labelled function missing from the output
       (counted as a mismatch), or concur failed (exit 2 or 3, or output that
       is not a JSON document)

It also prints, per band of concur's confidence (below 0.5, 0.5-0.7,
0.7-0.9, 0.9 and above), how many verdicts fall in it and how often their
kind agrees with the measurement: a calibrated confidence of 0.8 agrees
about 80% of the time. The bands are reported, not gated.

Nothing here depends on timing: the labels were measured once, by
scripts/measure-classification, and are stored beside the cases.
"""

import argparse
import json
import os
import subprocess
import sys

SUITE = os.path.dirname(os.path.abspath(__file__))
THRESHOLD = 90.0


def case_files(case):
    path = os.path.join(SUITE, case)
    if os.path.isdir(path):
        return sorted(os.path.join(path, f) for f in os.listdir(path)
                      if f.endswith((".cpp", ".c")))
    return [path]


def run_concur(binary, files):
    """Returns (functions list or None, error message or None)."""
    is_c = all(f.endswith(".c") for f in files)
    compile_args = ["-pthread"] if is_c else ["-std=c++20", "-pthread"]
    cmd = [binary, "check", "--format=json", "--quiet", *files, "--", *compile_args]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "could not run %s: %s" % (" ".join(cmd), e)
    if res.returncode not in (0, 1):
        return None, "%s exited %d\n%s" % (" ".join(cmd), res.returncode, res.stderr.strip())
    try:
        doc = json.loads(res.stdout)
    except json.JSONDecodeError as e:
        return None, "%s: output is not JSON (%s)\n%s" % (" ".join(cmd), e, res.stdout[:500])
    funcs = doc.get("functions") if isinstance(doc, dict) else None
    if not isinstance(funcs, list):
        return None, "%s: JSON document has no top-level 'functions' list" % " ".join(cmd)
    return funcs, None


def find_function(funcs, name, files):
    """The reported function named `name`, preferring one defined in the case's files."""
    candidates = [f for f in funcs if isinstance(f, dict) and f.get("name") == name]
    if not candidates:
        return None
    real = {os.path.realpath(p) for p in files}
    in_case = [f for f in candidates
               if f.get("file") and os.path.realpath(f["file"]) in real]
    return (in_case or candidates)[0]


def pct(a, b):
    return 100.0 * a / b if b else 0.0


BANDS = [(0.0, 0.5, "< 0.5"), (0.5, 0.7, "0.5-0.7"), (0.7, 0.9, "0.7-0.9"), (0.9, 1.01, ">= 0.9")]


def print_calibration(scored):
    """scored: (confidence, agrees) per labelled function found."""
    print("confidence band   verdicts  agree  share")
    for low, high, label in BANDS:
        inside = [ok for conf, ok in scored if low <= conf < high]
        if inside:
            print("%-16s  %8d  %5d  %5.1f%%" % (label, len(inside), sum(inside), pct(sum(inside), len(inside))))
        else:
            print("%-16s  %8d      -      -" % (label, 0))


def main():
    ap = argparse.ArgumentParser(description="compare concur's classification with the measured labels")
    ap.add_argument("binary", metavar="CONCUR_BINARY")
    ap.add_argument("--labels", default=os.path.join(SUITE, "labels.json"))
    ap.add_argument("--verbose", action="store_true", help="also print concur's rationale on mismatches")
    args = ap.parse_args()

    with open(args.labels) as f:
        labels = json.load(f)
    if not labels:
        print("no labels in %s" % args.labels)
        return 1

    by_case = {}
    for l in labels:
        by_case.setdefault(l["case"], []).append(l)

    cls_ok = rec_ok = 0
    missing = 0
    scored = []
    errors = []
    for case in sorted(by_case):
        files = case_files(case)
        funcs, err = run_concur(args.binary, files)
        if err:
            errors.append(err)
            print("ERROR    %s: %s" % (case, err.splitlines()[0]))
            funcs = []
        for label in by_case[case]:
            name = label["function"]
            want_kind = label["kind"]
            want_rec = label.get("expected_recommendation")
            got = find_function(funcs, name, files)
            if got is None:
                missing += 1
                print("MISMATCH %s %s expected %s got <missing>" % (case, name, want_kind))
                continue
            got_kind = got.get("kind")
            got_rec = got.get("recommendation")
            scored.append((float(got.get("confidence", 0)), got_kind == want_kind))
            if got_kind == want_kind:
                cls_ok += 1
                line = "ok       %s %s expected %s got %s" % (case, name, want_kind, got_kind)
            else:
                line = "MISMATCH %s %s expected %s got %s" % (case, name, want_kind, got_kind)
            if got_rec == want_rec:
                rec_ok += 1
            else:
                line += " (recommendation expected %s got %s)" % (want_rec, got_rec)
            print(line)
            if args.verbose and got_kind != want_kind and got.get("rationale"):
                print("         rationale: %s" % got["rationale"])

    total = len(labels)
    cls_pct = pct(cls_ok, total)
    print("classification agreement: %d/%d = %.1f%%" % (cls_ok, total, cls_pct))
    print("recommendation agreement: %d/%d = %.1f%%" % (rec_ok, total, pct(rec_ok, total)))
    if missing:
        print("missing from concur's output: %d" % missing)
    print_calibration(scored)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    print("%d passed, %d failed" % (cls_ok, total - cls_ok))
    if errors or missing or cls_pct < THRESHOLD:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
