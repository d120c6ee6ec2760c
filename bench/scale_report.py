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
    rows = [tuple(map(float, line.split())) for line in open(path)]
    total = rows[-1][1]
    first = next(t for t, a, _ in rows if a >= 0.1 * total)
    t90 = next(t for t, a, _ in rows if a >= 0.9 * total)
    last = rows[-1][0] - t90
    return {"first_10pct_s": first, "last_10pct_s": last, "last_over_first": last / first}


def main():
    work, n, shards, cpus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    secs, rss, summary = timed(work, "build")
    size = int(subprocess.check_output(["du", "-sb", os.path.join(work, "idx")]).split()[0])
    out = {
        "articles": n, "shards": shards, "cpus": cpus,
        "build": {"seconds": secs, "peak_rss_mb": rss, "articles_per_s": n / secs,
                  "input_mb": summary["input_mb"], "mb_per_s": summary["input_mb"] / secs,
                  "index_mb": size / 1e6, "steady": steady(os.path.join(work, "progress.log"))},
    }
    for name in ("rerun", "add1000"):
        s, r, j = timed(work, name)
        out[name] = {"seconds": s, "peak_rss_mb": r, "added": j["added"], "unchanged": j["unchanged"]}
    out["latency_ms"] = {"facets_on_%d_shards" % shards: percentiles(os.path.join(work, "latency.txt"))}
    for tag, label in (("1", "local_1_shard"), ("2", "local_2_shards"), ("4", "local_4_shards"),
                       ("remote2", "remote_2_shards_loopback")):
        path = os.path.join(work, f"latency-{tag}.txt")
        if os.path.exists(path):
            out["latency_ms"][label] = percentiles(path)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
