#!/usr/bin/python3
"""Prints facts of a concur JSON document as lines FileCheck can match.

  json_query.py functions FILE   -> 'name kind recommendation' per function
  json_query.py evidence FILE NAME -> evidence lines of one function
  json_query.py shape FILE       -> checks the document against interface.md
  json_query.py measured FILE    -> 'name kind calls wall cpu blocked' per measured function
  json_query.py rationale FILE NAME -> the rationale of one function
  json_query.py confidence FILE  -> 'name kind confidence' per function
  json_query.py profile FILE     -> 'matched N unmatched M' of the summary's profile
"""
import json
import sys


def functions(doc, _):
    for f in doc["functions"]:
        print(f'{f["name"]} {f["kind"]} {f["recommendation"]}')


def evidence(doc, args):
    for f in doc["functions"]:
        if f["name"] == args[0]:
            for e in f["evidence"]:
                via = " via " + " -> ".join(e["via"]) if e["via"] else ""
                print(f'{e["message"]}{via}')


def measured(doc, _):
    for f in doc["functions"]:
        m = f.get("measured")
        if m:
            print(f'{f["name"]} {m["kind"]} {m["calls"]} {m["wall_ns"]} {m["cpu_ns"]} {m["blocked_ns"]}')


def confidence(doc, _):
    for f in doc["functions"]:
        print(f'{f["name"]} {f["kind"]} {f["confidence"]}')


def rationale(doc, args):
    for f in doc["functions"]:
        if f["name"] == args[0]:
            print(f["rationale"])


def profile(doc, _):
    p = doc["summary"]["profile"]
    print(f'matched {p["matched"]} unmatched {p["unmatched"]}')


def shape_measured(f):
    """The optional 'measured' object (--profile), right after 'confidence'."""
    if "measured" not in f:
        return
    keys = list(f)
    if keys[keys.index("confidence") + 1] != "measured":
        sys.exit(f"function {f['name']}: 'measured' does not follow 'confidence'")
    m = f["measured"]
    if list(m) != ["kind", "calls", "wall_ns", "cpu_ns", "blocked_ns"]:
        sys.exit(f"function {f['name']}: measured fields {list(m)}")
    if m["kind"] != f["kind"] or not all(isinstance(m[k], int) for k in list(m)[1:]):
        sys.exit(f"function {f['name']}: bad measured object {m}")


def shape(doc, _):
    """Asserts every field interface.md documents, with its type."""
    def need(obj, key, kind, where):
        if key not in obj or not isinstance(obj[key], kind):
            sys.exit(f"{where}: '{key}' missing or not {kind}")
    for key, kind in [("version", int), ("tool", dict), ("files", list), ("errors", list),
                      ("functions", list), ("diagnostics", list), ("summary", dict)]:
        need(doc, key, kind, "document")
    need(doc["tool"], "name", str, "tool")
    need(doc["tool"], "version", str, "tool")
    for f in doc["functions"]:
        for key, kind in [("name", str), ("usr", str), ("file", str), ("line", int), ("column", int),
                          ("is_coroutine", bool), ("kind", str), ("confidence", (int, float)),
                          ("evidence", list), ("recommendation", str), ("rationale", str)]:
            need(f, key, kind, f"function {f.get('name')}")
        if f["kind"] not in ("io", "cpu", "mixed", "neutral"):
            sys.exit(f"bad kind {f['kind']}")
        if f["recommendation"] not in ("async", "threads", "processes", "none"):
            sys.exit(f"bad recommendation {f['recommendation']}")
        if not 0 <= f["confidence"] <= 1:
            sys.exit(f"confidence out of range: {f['confidence']}")
        for e in f["evidence"]:
            for key, kind in [("message", str), ("file", str), ("line", int), ("via", list)]:
                need(e, key, kind, "evidence")
        shape_measured(f)
    for d in doc["diagnostics"]:
        for key, kind in [("check", str), ("severity", str), ("file", str), ("line", int),
                          ("column", int), ("message", str), ("function", str), ("notes", list),
                          ("fixes", list)]:
            need(d, key, kind, "diagnostic")
    for e in doc["errors"]:
        need(e, "file", str, "error")
        need(e, "message", str, "error")
    need(doc["summary"], "functions", int, "summary")
    need(doc["summary"], "by_kind", dict, "summary")
    need(doc["summary"], "by_check", dict, "summary")
    if "profile" in doc["summary"]:
        p = doc["summary"]["profile"]
        need(p, "file", str, "summary.profile")
        need(p, "matched", int, "summary.profile")
        need(p, "unmatched", int, "summary.profile")
    if doc["summary"]["functions"] != len(doc["functions"]):
        sys.exit("summary.functions does not count the functions")
    print("shape ok")


if __name__ == "__main__":
    with open(sys.argv[2]) as f:
        document = json.load(f)
    {"functions": functions, "evidence": evidence, "shape": shape, "measured": measured,
     "rationale": rationale, "profile": profile, "confidence": confidence}[sys.argv[1]](document, sys.argv[3:])
