#!/usr/bin/env python3
"""How the feminine-plural rule (searcher/feminine_plurals.h) moves both sides, on an index.

  bench/plural_split.py NSEARCH_BEFORE NSEARCH_AFTER INDEX LABELS.tsv [N]

Takes the N words ال+S (default 50) whose plural ال+S+ات is held in the most articles, among
those where ال+S+ه is held too (the ambiguous ones: is ال+S+ات the plural of S or of S+ة?), and
prints a Markdown table: the articles holding ال+S, ال+S+ه and ال+S+ات, the plural's true
singular from LABELS.tsv (S<TAB>masculine|feminine, judged by hand), and how many articles the
search ال+S finds before and after. A feminine plural leaving ال+S is a wrong join removed; a
masculine one is a right join lost.
"""
import json, subprocess, sys

before, after, index, labels_path = sys.argv[1:5]
n = int(sys.argv[5]) if len(sys.argv) > 5 else 50
stub = index + "/XAPIANDB"
out = subprocess.run(["xapian-delve", "-a", "-v", "-1", stub], capture_output=True, text=True).stdout
df = {}
for line in out.splitlines():
    parts = line.split(" ")
    if len(parts) == 2 and parts[1].isdigit():
        df[parts[0]] = int(parts[1])
labels = dict(l.rstrip("\n").split("\t") for l in open(labels_path, encoding="utf-8") if "\t" in l)


def total(binary, query):
    r = subprocess.run([binary, "search", "--index", index, "-n", "0", "--format", "json", "--spelling", "off", query],
                       capture_output=True, text=True)
    return json.loads(r.stdout)["total"] if r.stdout else 0


rows = []
for t, f in df.items():
    if t.startswith("ال") and t.endswith("ات") and len(t) >= 7:
        s = t[2:-2]
        if "ال" + s + "ه" in df and "ال" + s in df:
            rows.append((f, s))
rows.sort(reverse=True)
print("| ال+S | ال+S | ال+S+ة | ال+S+ات | plural of | rule | ال+S finds before | after |")
print("|---|---|---|---|---|---|---|---|")
counts = {"feminine": [0, 0], "masculine": [0, 0]}  # [rows moved, articles]
for f, s in rows[:n]:
    word = "ال" + s
    b, a = total(before, word), total(after, word)
    label = labels.get(s, "?")
    moved = a < b
    rule = "S+ة" if moved else "S"
    if label in counts and moved:
        counts[label][0] += 1
        counts[label][1] += b - a
    print(f"| {word} | {df[word]} | {df[word + 'ه']} | {f} | {'S+ة' if label == 'feminine' else 'S' if label == 'masculine' else '?'} | {rule} | {b} | {a} |")
print()
print(f"plurals moved to S+ة: {counts['feminine'][0]} rightly ({counts['feminine'][1]} wrong matches of ال+S removed), "
      f"{counts['masculine'][0]} wrongly ({counts['masculine'][1]} right matches of ال+S lost)")
