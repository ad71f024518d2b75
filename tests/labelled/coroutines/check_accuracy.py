#!/usr/bin/python3
"""Accuracy of concur's coroutine checks against the measured labels.

Usage: check_accuracy.py CONCUR_BINARY [--case NAME ...] [-j N] [-v]

Runs `CONCUR_BINARY check --format=json --quiet` on every case of labels.json
(the files of a two-file case together, one invocation per case), with only
the three coroutine checks enabled, and matches each diagnostic to the
expected findings by (check, function, file, line):

  TP  a diagnostic matching an expected finding
  FN  an expected finding no diagnostic matches
  FP  any other diagnostic -- in the function under test, in another function
      of the program, or in the harness (loop.hpp must produce none) --
      except one at a "tolerated" site (a call that can block by contract but
      measurably did not in this program): those are counted apart, never as
      TP or FP.

Prints per check TP/FP/FN/precision/recall, every FP and FN with file:line,
then `N passed, M failed`, where the expectations are: each expected finding
(passes if reported) and, per case, "no false finding" (passes if the case
has no FP). Exits 1 if any check has precision < 0.95 or recall < 0.90
(a check with no expected positives is held to precision only), or if concur
could not analyse a case. The labels are not re-measured here: see
scripts/measure-coroutines.
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

SUITE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(SUITE, "labels.json")
CHECKS = ["concur-blocking-in-coroutine", "concur-lock-across-suspend", "concur-cpu-in-event-loop"]
MIN_PRECISION, MIN_RECALL = 0.95, 0.90


def run_concur(binary, case):
    files = [os.path.join(SUITE, s) for s in case["sources"]]
    cmd = [binary, "check", "--format=json", "--quiet",
           "--checks=-*," + ",".join(CHECKS), *files,
           "--", "-std=c++20", "-I" + SUITE]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        doc = json.loads(r.stdout)
    except json.JSONDecodeError:
        return None, f"exit {r.returncode}, no JSON: {r.stderr.strip()[:500]}"
    if doc.get("errors"):
        return doc, f"exit {r.returncode}, errors: {json.dumps(doc['errors'])[:500]}"
    return doc, ""


def rel(path):
    p = os.path.relpath(os.path.realpath(path), os.path.realpath(SUITE))
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("concur")
    ap.add_argument("--case", action="append", default=[])
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="print TPs and tolerated findings too")
    args = ap.parse_args()

    cases = json.load(open(LABELS))["cases"]
    if args.case:
        cases = [c for c in cases if c["case"] in args.case
                 or os.path.basename(c["case"]) in args.case
                 or os.path.basename(c["case"]).replace(".cpp", "") in args.case]
    bad_labels = [c["case"] for c in cases if not c.get("agrees")]
    if bad_labels:
        print("labels.json has cases whose measurement disagrees with the manifest: "
              + ", ".join(bad_labels), file=sys.stderr)
        return 1

    binary = os.path.abspath(args.concur)
    with ThreadPoolExecutor(max_workers=args.j) as pool:
        outs = list(pool.map(lambda c: run_concur(binary, c), cases))

    stats = {c: {"tp": 0, "fp": 0, "fn": 0, "pos": 0, "tol": 0} for c in CHECKS}
    fps, fns, tps, tols, errors = [], [], [], [], []
    passed = failed = 0
    for case, (doc, err) in zip(cases, outs):
        if err:
            errors.append(f"{case['case']}: {err}")
        diags = [d for d in (doc or {}).get("diagnostics", []) if d.get("check") in CHECKS]
        expected = {(e["check"], e["function"], e["file"], e["line"]): e for e in case["expected"]}
        tolerated = {(t["check"], t["file"], t["line"]): t for t in case["tolerated"]}
        found = set()
        case_fp = 0
        for d in diags:
            key = (d["check"], d.get("function", ""), rel(d["file"]), d["line"])
            where = f"{os.path.join('tests/labelled/coroutines', key[2])}:{d['line']}"
            if key in expected and key not in found:
                found.add(key)
                stats[d["check"]]["tp"] += 1
                tps.append(f"TP {d['check']} {where} [{key[1]}] ({case['case']})")
            elif (d["check"], key[2], d["line"]) in tolerated:
                stats[d["check"]]["tol"] += 1
                t = tolerated[(d["check"], key[2], d["line"])]
                tols.append(f"tolerated {d['check']} {where} [{key[1]}] ({case['case']}): {t['why']}")
            else:
                stats[d["check"]]["fp"] += 1
                case_fp += 1
                fps.append(f"FP {d['check']} {where} in '{key[1]}' ({case['case']}, measured "
                           f"{case['measured']}): {d.get('message', '')}")
        for key, e in expected.items():
            stats[e["check"]]["pos"] += 1
            if key in found:
                passed += 1
            else:
                failed += 1
                stats[e["check"]]["fn"] += 1
                near = [d for d in diags if rel(d["file"]) == e["file"] and d["line"] == e["line"]]
                hint = ""
                if near:
                    hint = " (reported there as " + ", ".join(
                        f"{d['check']} in '{d.get('function', '')}'" for d in near) + ")"
                fns.append(f"FN {e['check']} tests/labelled/coroutines/{e['file']}:{e['line']} in "
                           f"'{e['function']}' ({case['case']}: {case['what']}){hint}")
        if case_fp == 0 and not err:
            passed += 1
        else:
            failed += 1

    ok = not errors
    print(f"{'check':32} {'TP':>4} {'FP':>4} {'FN':>4} {'tol':>4} {'precision':>10} {'recall':>8}")
    for c in CHECKS:
        s = stats[c]
        prec = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        rec = s["tp"] / s["pos"] if s["pos"] else None
        verdict = "ok"
        if prec < MIN_PRECISION or (rec is not None and rec < MIN_RECALL):
            verdict = "BELOW TARGET"
            ok = False
        print(f"{c:32} {s['tp']:4} {s['fp']:4} {s['fn']:4} {s['tol']:4} {prec:10.3f} "
              f"{(f'{rec:.3f}' if rec is not None else 'n/a'):>8}  {verdict}")
    print()
    for line in fps + fns:
        print(line)
    if args.v:
        for line in tps + tols:
            print(line)
    harness = [f for f in fps if "coroutines/loop.hpp:" in f]
    if harness:
        locs = sorted({f.split()[2] for f in harness})
        print(f"note: {len(harness)} of the FPs are in the harness (loop.hpp), at {len(locs)} "
              f"distinct location(s): {', '.join(locs)}; they count (the harness must be silent)")
    for e in errors:
        print("ERROR " + e)
    print(f"{passed} passed, {failed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
