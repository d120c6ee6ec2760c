#!/usr/bin/env python3
"""Rewrites every Nth article of a JSON Lines file in place: SENTENCE is added to its body.

  bench/rewrite_articles.py FILE N SENTENCE
"""
import json
import sys

path, every, sentence = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
out = []
for n, line in enumerate(lines):
    a = json.loads(line)
    if n % every == 0:
        a["body"] = a.get("body", "") + "\n" + sentence
    out.append(json.dumps(a, ensure_ascii=False))
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
