#!/usr/bin/env python3
"""Are two TREC runs the same ranking?
    compare_runs.py A.trec B.trec [--tolerance 1e-9] [--stories STORIES.tsv]

Per query: the same ids in the same order, except that documents with equal scores (within
the tolerance) may come in either order (Xapian breaks ties by document number, and shards
number documents differently). With --stories (bench/story_map's "ID<TAB>STORY" lines), a
story's hit may be any of its members with the same score (within the tolerance): the
engine shows the best-weighted member, and copies of one article weigh the same but for
rounding, which depends on the order a shard sums the query's terms in. Prints a summary and
exits 1 if any query differs.
"""
import sys
from collections import defaultdict


def read(path):
    runs = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        qid, _, doc, _, score, _ = line.split()
        runs[qid].append((doc, float(score)))
    return runs


def strip_cut_tie(x, y, tol):
    """Both runs cut at the same length inside a run of tied scores: which of the tied
    documents made the cut is arbitrary, so the tied tail is left out of the comparison."""
    if not x or len(x) != len(y) or abs(x[-1][1] - y[-1][1]) > tol * max(1.0, abs(x[-1][1])):
        return x, y
    last = x[-1][1]
    tied = lambda h: abs(h[1] - last) <= tol * max(1.0, abs(last))
    while x and tied(x[-1]):
        x = x[:-1]
    while y and tied(y[-1]):
        y = y[:-1]
    return x, y


def canonical(hits, tol):
    # Sort runs of tied scores by id, keep the engine's order otherwise.
    out, i = [], 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and abs(hits[j + 1][1] - hits[i][1]) <= tol * max(1.0, abs(hits[i][1])):
            j += 1
        out += sorted(d for d, _ in hits[i:j + 1])
        i = j + 1
    return out


def same_scores(x, y, tol):
    return len(x) == len(y) and all(abs(p[1] - q[1]) <= tol * max(1.0, abs(p[1])) for p, q in zip(x, y))


def as_stories(hits, story):
    return [(story.get(d, d), s) for d, s in hits]


def main():
    args = sys.argv[1:]
    options = dict(zip(args[2::2], args[3::2]))
    a, b = read(args[0]), read(args[1])
    tol = float(options.get("--tolerance", 1e-9))
    story = {}
    if "--stories" in options:
        story = dict(line.rstrip("\n").split("\t") for line in open(options["--stories"], encoding="utf-8"))
    queries = sorted(set(a) | set(b))
    same = strict = by_story = 0
    differ = []
    for q in queries:
        x, y = strip_cut_tie(a.get(q, []), b.get(q, []), tol)
        if [d for d, _ in x] == [d for d, _ in y]:
            strict += 1
        if canonical(x, tol) == canonical(y, tol):
            same += 1
        elif story and same_scores(x, y, tol) and canonical(as_stories(x, story), tol) == canonical(as_stories(y, story), tol):
            same += 1
            by_story += 1
        else:
            differ.append(q)
    tied_copies = f", {by_story} showing another tied copy of a story" if story else ""
    print(f"{len(queries)} queries: {same} identical within ties ({strict} in exactly the same order{tied_copies}), "
          f"{len(differ)} differ")
    for q in differ[:10]:
        print("  differs:", q)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
