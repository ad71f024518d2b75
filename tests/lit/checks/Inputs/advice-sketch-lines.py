#!/usr/bin/python3
"""Checks that the sketch lines in concur's text output (the indented lines
after 'note: sketch with the concur runtime:') are lines of the sketch
files. Usage: advice-sketch-lines.py OUTPUT SKETCH_DIR"""
import glob
import sys

output, folder = sys.argv[1], sys.argv[2]
known = set()
for path in glob.glob(f"{folder}/*.sketch"):
    known.update(line.rstrip("\n") for line in open(path))
printed, missing, sketches = [], [], set()
current = None
for line in open(output):
    line = line.rstrip("\n")
    if line.endswith("note: sketch with the concur runtime:"):
        current = []
        continue
    if current is not None and line.startswith("    "):
        current.append(line[4:])
        continue
    if current is not None:
        sketches.add("\n".join(current))
        printed.extend(current)
        current = None
if current is not None:
    sketches.add("\n".join(current))
    printed.extend(current)
missing = [l for l in printed if l not in known]
for l in missing:
    print("not in a sketch file:", l)
print(f"{len(sketches)} sketches printed, {len(missing)} lines not in rules/advice")
