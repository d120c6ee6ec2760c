#!/usr/bin/env python3
"""Query latency of two nsearch binaries on their own indexes of the same corpus, same run.

  bench/story_latency.py QUERIES NEW_BIN NEW_INDEX BASE_BIN BASE_INDEX [REPEATS]

Each query runs REPEATS times in one `--batch` process (10 hits, snippets, source and month
facets), alternating the binaries; a query's latency is the batch's wall time / REPEATS, so
process start-up is spread out. Prints p50 and p99 over the queries, and their ratios.
"""
import json, subprocess, sys, tempfile, time

queries = [q for q in open(sys.argv[1], encoding='utf-8').read().splitlines() if q.strip()]
runs = {'new': (sys.argv[2], sys.argv[3]), 'base': (sys.argv[4], sys.argv[5])}
repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 20
lat = {name: [] for name in runs}
for q in queries:
    with tempfile.NamedTemporaryFile('w', suffix='.tsv', encoding='utf-8', delete=False) as f:
        f.write(''.join(f'{i}\t{q}\n' for i in range(repeats)))
    for name, (binary, index) in runs.items():
        t0 = time.perf_counter()
        subprocess.run([binary, 'search', '--index', index, '--batch', f.name, '--facets', 'source,month',
                        '--format', 'json'], capture_output=True)
        lat[name].append((time.perf_counter() - t0) * 1000 / repeats)


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


out = {name: {'p50_ms': pct(v, 50), 'p99_ms': pct(v, 99)} for name, v in lat.items()}
out['p50_ratio'] = out['new']['p50_ms'] / out['base']['p50_ms']
out['p99_ratio'] = out['new']['p99_ms'] / out['base']['p99_ms']
print(json.dumps(out, indent=1))
