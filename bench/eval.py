#!/usr/bin/env python3
"""Relevance evaluator for bench/run: MRR@10, Recall@100, nDCG@10 overall and per subset
(by qid prefix: arcd-, tydi) and per half of each subset, paired better/worse counts against the
first run, plus latency percentiles and indexing figures, printed as one table and written as JSON.

The halves (h0, h1) split the questions by the parity of the md5 of the question id:
stable, blind to the text, so a change kept because it helps both halves did not only fit one.

  eval.py --qrels dev.qrels [--queries Q.tsv] --run NAME=RUN.trec [--run ...] [--latency NAME=FILE ...]
          [--indexing NAME=JSON ...] [--json OUT]
"""
import argparse
import hashlib
import json
import math
import sys
from collections import defaultdict


def read_qrels(path):
    rel = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and int(parts[3]) > 0:
                rel[parts[0]].add(parts[2])
    return rel


def read_run(path):
    ranked = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5:
                ranked[parts[0]].append((int(parts[3]), parts[2]))
    return {q: [d for _, d in sorted(v)] for q, v in ranked.items()}


def read_stories(path):
    """id -> story id (bench/story_map: the id of the story's first member)."""
    with open(path, encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)


def by_story(qrels, run, story):
    """The questions and a run judged one hit per story: every id becomes its story's, a run keeps
    each story's first (best-ranked) hit, and a story is relevant when one of its members is.
    Every system is judged alike, so a system that collapses copies loses nothing by it, and one
    that lists copies gains nothing from them."""
    of = lambda d: story.get(d, d)
    qrels = {q: {of(d) for d in rel} for q, rel in qrels.items()}
    out = {}
    for q, docs in run.items():
        seen = set()
        out[q] = [s for s in map(of, docs) if not (s in seen or seen.add(s))]
    return qrels, out


def per_query(qrels, run):
    """qid -> (reciprocal rank @10, recall @100, nDCG @10)."""
    out = {}
    for qid, relevant in qrels.items():
        docs = run.get(qid, [])
        rr = 0.0
        for i, d in enumerate(docs[:10]):
            if d in relevant:
                rr = 1.0 / (i + 1)
                break
        recall = len(relevant & set(docs[:100])) / len(relevant)
        dcg = sum(1.0 / math.log2(i + 2) for i, d in enumerate(docs[:10]) if d in relevant)
        idcg = sum(1.0 / math.log2(i + 2) for i in range(min(len(relevant), 10)))
        out[qid] = (rr, recall, dcg / idcg if idcg else 0.0)
    return out


def subset_of(qid):
    return "arcd" if qid.startswith("arcd") else "tydi" if qid.startswith("tydi") else "other"


def half_of(qid):
    # md5, not FNV-1a: FNV's low bit is only the parity of the id's odd bytes, which follows its digits.
    return f"h{hashlib.md5(qid.encode('utf-8')).digest()[0] & 1}"


def summarize(scores):
    groups = defaultdict(list)
    for qid, s in scores.items():
        groups["all"].append(s)
        groups[subset_of(qid)].append(s)
        groups[f"{subset_of(qid)} {half_of(qid)}"].append(s)
    return {g: {"queries": len(v), "mrr@10": sum(x[0] for x in v) / len(v), "recall@100": sum(x[1] for x in v) / len(v),
                "ndcg@10": sum(x[2] for x in v) / len(v)} for g, v in groups.items()}


def paired(a, b):
    """How many queries b does better / worse than a on reciprocal rank."""
    better = sum(1 for q in a if b.get(q, (0,))[0] > a[q][0])
    worse = sum(1 for q in a if b.get(q, (0,))[0] < a[q][0])
    return better, worse


def percentile(values, p):
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def named(pairs):
    out = {}
    for item in pairs or []:
        name, _, path = item.partition("=")
        out[name] = path
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--run", action="append", required=True)
    ap.add_argument("--latency", action="append")
    ap.add_argument("--latency-ids", action="append", help="NAME=FILE: latencies of the top-100 ids-only pass")
    ap.add_argument("--indexing", action="append")
    ap.add_argument("--queries", help="qid<TAB>question file: evaluate only these questions")
    ap.add_argument("--stories", help="id<TAB>story file (bench/story_map): also judge every run one hit per story")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    qrels = read_qrels(args.qrels)
    if args.queries:
        with open(args.queries, encoding="utf-8") as f:
            asked = {line.split("\t", 1)[0] for line in f if line.strip()}
        qrels = {q: r for q, r in qrels.items() if q in asked}
    runs = named(args.run)
    stories = read_stories(args.stories) if args.stories else None
    results = {}
    scores = {}
    for name, path in runs.items():
        run = read_run(path)
        scores[name] = per_query(qrels, run)
        results[name] = {"relevance": summarize(scores[name])}
        if args.stories:
            results[name]["relevance_by_story"] = summarize(per_query(*by_story(qrels, run, stories)))
    first = next(iter(runs))
    for name in runs:
        if name != first:
            b, w = paired(scores[first], scores[name])
            results[name]["vs_" + first] = {"better": b, "worse": w}
    for name, path in named(args.latency).items():
        with open(path) as f:
            ms = [float(x) for x in f if x.strip()]
        results.setdefault(name, {})["latency_ms"] = {p: percentile(ms, int(p[1:])) for p in ("p50", "p95", "p99")}
    for name, path in named(args.latency_ids).items():
        with open(path) as f:
            ms = [float(x) for x in f if x.strip()]
        figures = {p: percentile(ms, int(p[1:])) for p in ("p50", "p99")}
        figures["mean"] = sum(ms) / len(ms) if ms else None
        results.setdefault(name, {})["latency_ids_ms"] = figures
    for name, path in named(args.indexing).items():
        with open(path) as f:
            results.setdefault(name, {})["indexing"] = json.load(f)
    print_table(results, first)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2, ensure_ascii=False)
    return 0


def print_table(results, first):
    names = list(results)
    rows = []
    for g in ("all", "arcd", "arcd h0", "arcd h1", "tydi", "tydi h0", "tydi h1"):
        for m in ("mrr@10", "recall@100", "ndcg@10"):
            rows.append((f"{m} {g}", [results[n].get("relevance", {}).get(g, {}).get(m) for n in names], True))
    if any("relevance_by_story" in results[n] for n in names):
        for g in ("all", "arcd", "arcd h0", "arcd h1", "tydi", "tydi h0", "tydi h1"):
            for m in ("mrr@10", "recall@100"):
                rows.append((f"story {m} {g}", [results[n].get("relevance_by_story", {}).get(g, {}).get(m) for n in names], True))
    for key, label in (("seconds", "index time s"), ("mb_per_s", "index MB/s"), ("articles_per_s", "index articles/s"),
                       ("size_mb", "index size MB"), ("size_compact_mb", "index size compacted MB"), ("peak_rss_mb", "index peak RSS MB")):
        rows.append((label, [results[n].get("indexing", {}).get(key) for n in names], key not in ("seconds", "size_mb", "size_compact_mb", "peak_rss_mb")))
    for p in ("p50", "p95", "p99"):
        rows.append((f"query {p} ms", [results[n].get("latency_ms", {}).get(p) for n in names], False))
    for p in ("mean", "p50", "p99"):
        rows.append((f"top-100 ids {p} ms", [results[n].get("latency_ids_ms", {}).get(p) for n in names], False))
    others = [n for n in names if n != first]
    header = f"{'':28}" + "".join(f"{n:>14}" for n in names) + "".join(f"{first + '/' + o:>18}" for o in others)
    print(header)
    for label, vals, _ in rows:
        line = f"{label:28}" + "".join(f"{v:14.4f}" if isinstance(v, (int, float)) else f"{'-':>14}" for v in vals)
        base = vals[0]
        for v in vals[1:]:
            ratio = base / v if isinstance(base, (int, float)) and isinstance(v, (int, float)) and v else None
            line += f"{ratio:18.2f}" if ratio is not None else f"{'-':>18}"
        print(line)
    for o in others:
        pv = results[o].get("vs_" + first)
        if pv:
            print(f"paired RR@10: {o} better than {first} on {pv['better']} questions, worse on {pv['worse']}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
