#!/usr/bin/python3
"""Prints the classification table of a `concur check --format=json` document."""
import json
import os
import sys


def main(path):
    with open(path) as f:
        doc = json.load(f)
    rows = [("function", "kind", "conf", "advice", "top evidence")]
    for fn in doc["functions"]:
        evidence = fn["evidence"][0] if fn["evidence"] else None
        where = ""
        if evidence:
            via = " via " + " -> ".join(evidence["via"]) if evidence["via"] else ""
            where = f'{evidence["message"]}{via} ({os.path.basename(evidence["file"])}:{evidence["line"]})'
        rows.append((fn["name"], fn["kind"], f'{fn["confidence"]:.2f}', fn["recommendation"], where))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
    summary = doc["summary"]
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(summary["by_kind"].items()))
    print(f'\n{summary["functions"]} functions ({kinds}); '
          f'{len(doc["diagnostics"])} findings; {len(doc["errors"])} files not analysed')


if __name__ == "__main__":
    main(sys.argv[1])
