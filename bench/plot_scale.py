#!/usr/bin/env python3
"""Plots bench/scale results: build time and query latency against N.

    plot_scale.py OUT.png bench/results/scale-100000.json bench/results/scale-300000.json ...
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    out, paths = sys.argv[1], sys.argv[2:]
    runs = sorted((json.load(open(p)) for p in paths), key=lambda r: r["articles"])
    n = [r["articles"] for r in runs]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(n, [r["build"]["seconds"] / 60 for r in runs], "o-", label="full build")
    left.set_xlabel("articles")
    left.set_ylabel("minutes")
    left.set_title("Index build (%d shards, %d cores)" % (runs[-1]["shards"], runs[-1]["cpus"]))
    left.grid(True, alpha=0.3)
    # The first entry of each run is the index as built (its database count grows with N).
    for p, style in (("p50", "o-"), ("p99", "s-")):
        right.plot(n, [next(iter(r["latency_ms"].values()))[p] for r in runs], style, label=p)
    right.axhline(50, color="red", linestyle=":", label="p99 target")
    right.set_xlabel("articles")
    right.set_ylabel("ms")
    right.set_title("Query latency, facets on (500-query mix)")
    right.legend()
    right.grid(True, alpha=0.3)
    for ax in (left, right):
        ax.ticklabel_format(axis="x", style="plain")
    fig.tight_layout()
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    main()
