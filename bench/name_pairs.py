#!/usr/bin/env python3
"""Names in two spellings and native look-alikes: how much of each side a search for the other finds.

  bench/name_pairs.py NSEARCH INDEX [PAIRS.tsv]

For each pair (a, b), the articles holding b as written and not a (`=b`, minus `=a`), and the
share of them that a ranked search for a finds; and the same the other way. For names both
shares should be high, for native look-alikes 0. Prints a markdown table and a summary line.
"""
import os
import subprocess
import sys


def ids(nsearch, index, query):
    r = subprocess.run([nsearch, "search", "--index", index, "--format", "ids", "-n", "100000",
                        "--spelling", "off", "--duplicates", "show", "--", query],
                       capture_output=True, text=True)
    if r.returncode > 1:
        sys.exit(f"name_pairs: {query}: {r.stderr.strip()}")
    return set(r.stdout.split())


def share(found, wanted):
    return len(found & wanted) / len(wanted) if wanted else None


def main():
    nsearch, index = sys.argv[1], sys.argv[2]
    pairs_file = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "name_pairs.tsv")
    rows = [l.rstrip("\n").split("\t") for l in open(pairs_file, encoding="utf-8") if l.strip() and not l.startswith("#")]
    print("| kind | a | b | articles a / b (as written) | b's found by a | a's found by b |")
    print("|---|---|---|---|---|---|")
    totals = {}
    for kind, a, b in rows:
        exact_a, exact_b = ids(nsearch, index, "=" + a), ids(nsearch, index, "=" + b)
        only_a, only_b = exact_a - exact_b, exact_b - exact_a
        by_a, by_b = share(ids(nsearch, index, a), only_b), share(ids(nsearch, index, b), only_a)
        fmt = lambda s: "–" if s is None else f"{s:.2f}"
        print(f"| {kind} | {a} | {b} | {len(exact_a)} / {len(exact_b)} | {fmt(by_a)} | {fmt(by_b)} |")
        t = totals.setdefault(kind, [0, 0, 0])
        for s in (by_a, by_b):
            if s is not None:
                t[0] += s
                t[1] += 1
                t[2] += s >= 0.5
    for kind, (total, n, most) in totals.items():
        print(f"\n{kind}: mean share found from the other spelling {total / n:.2f} over {n} directions; "
              f"{most} of {n} directions find at least half")


if __name__ == "__main__":
    main()
