#!/usr/bin/env python3
"""Summarizes a bench/scale work directory as JSON: scale_report.py WORK N SHARDS CPUS"""
import json
import os
import subprocess
import sys


def timed(work, name):
    secs, rss = open(os.path.join(work, name + ".time")).read().split()[-2:]
    summary = json.load(open(os.path.join(work, name + ".json")))
    return float(secs), float(rss) / 1024, summary


def percentiles(path):
    ms = sorted(float(x) for x in open(path))
    pick = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
    return {"queries": len(ms), "p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99)}


def steady(path):
    """Wall seconds of the first and the last 10% of the articles (the target), each decile, and
    the same for CPU seconds of all threads when the log has them (a noisy machine moves wall
    time between deciles; CPU time shows whether the work per article grew)."""
    rows = [tuple(map(float, line.split())) for line in open(path)]
    total = rows[-1][1]
    # The first row at or past each tenth; the last row is the complete run.
    marks = [next(r for r in rows if r[1] >= k / 10 * total) for k in range(1, 10)] + [rows[-1]]
    out = {}
    for name, col in (("", 0), ("cpu_", 3)):
        if len(rows[-1]) <= col:
            continue
        ends = [m[col] for m in marks]
        deciles = [b - a for a, b in zip([0.0] + ends, ends)]
        out.update({name + "first_10pct_s": deciles[0], name + "last_10pct_s": deciles[-1],
                    name + "last_over_first": deciles[-1] / deciles[0],
                    name + "deciles_s": [round(d, 1) for d in deciles]})
    return out


def main():
    work, n, shards, cpus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    secs, rss, summary = timed(work, "build")
    size = int(subprocess.check_output(["du", "-sb", os.path.join(work, "idx")]).split()[0])
    # Each shard is a chain of databases (full ones are sealed): searches open them all.
    databases = sum(1 for line in open(os.path.join(work, "idx", "XAPIANDB")) if line.strip())
    out = {
        "articles": n, "shards": shards, "databases": databases, "cpus": cpus,
        "build": {"seconds": secs, "peak_rss_mb": rss, "articles_per_s": n / secs,
                  "input_mb": summary["input_mb"], "mb_per_s": summary["input_mb"] / secs,
                  "index_mb": size / 1e6, "steady": steady(os.path.join(work, "progress.log"))},
    }
    for name in ("rerun", "add1000"):
        s, r, j = timed(work, name)
        out[name] = {"seconds": s, "peak_rss_mb": r, "added": j["added"], "unchanged": j["unchanged"]}
    out["latency_ms"] = {"facets_on_%d_databases" % databases: percentiles(os.path.join(work, "latency.txt"))}
    for tag, label in (("1", "local_1_shard"), ("2", "local_2_shards"), ("4", "local_4_shards"),
                       ("remote2", "remote_2_shards_loopback")):
        path = os.path.join(work, f"latency-{tag}.txt")
        if os.path.exists(path):
            out["latency_ms"][label] = percentiles(path)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
