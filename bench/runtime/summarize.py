"""Median of each (bench, impl) and the ratios concur/comparator, as Markdown."""
import collections
import statistics
import sys

path, runs, command = sys.argv[1], sys.argv[2], sys.argv[3]
vals = collections.defaultdict(list)
units = {}
for line in open(path):
    parts = line.split()
    if len(parts) != 4:
        continue
    bench, impl, value, unit = parts
    vals[(bench, impl)].append(float(value))
    units[bench] = unit
print("# Runtime benchmarks (concur vs comparators)\n")
print(f"Command: `{command}` (median of {runs} interleaved runs, 2-core machine; "
      "lower is better; ratio = concur / comparator, < 1 means concur is faster; "
      "for throughput units (.../s, higher is better) the ratio is comparator / concur, "
      "so < 1 still means concur is faster).\n")
print("| bench | impl | median | unit | concur / impl |")
print("|---|---|---|---|---|")
benches = sorted({b for b, _ in vals})
for b in benches:
    c = vals.get((b, "concur"))
    cm = statistics.median(c) if c else None
    for (bb, impl), v in sorted(vals.items()):
        if bb != b:
            continue
        m = statistics.median(v)
        if impl == "concur" or cm is None or m == 0 or cm == 0:
            ratio = ""
        elif units[b].endswith("/s"):
            ratio = f"{m / cm:.2f}"  # throughput: comparator / concur
        else:
            ratio = f"{cm / m:.2f}"
        print(f"| {b} | {impl} | {m:.4g} | {units[b]} | {ratio} |")
