#!/usr/bin/env python3
"""A realistic query mix for the scale benchmark, drawn from the synthetic corpus itself.

    scale_queries.py CORPUS.jsonl N OUT.tsv [--seed S]

Mix: 1 word (25%), 2-4 words (25%), a two-word phrase (20%), words + source: filter (15%),
words + date: range (15%). Words come from real titles and bodies, so most queries match.
"""
import json
import random
import re
import sys

WORD = re.compile(r"[\u0621-\u064A]{3,}")


def sample_articles(path, n, rng):
    chosen = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):  # reservoir sampling: one pass, any corpus size
            if len(chosen) < n:
                chosen.append(line)
            elif (j := rng.randrange(i + 1)) < n:
                chosen[j] = line
    return [json.loads(x) for x in chosen]


def main():
    path, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 7)
    queries = []
    for a in sample_articles(path, n * 2, rng):
        title = WORD.findall(a.get("title", ""))
        body = WORD.findall(a.get("body", ""))
        if len(title) < 4 or len(body) < 2:
            continue
        kind = rng.random()
        if kind < 0.25:
            q = rng.choice(title)
        elif kind < 0.50:
            q = " ".join(rng.sample(title, rng.randint(2, 4)))
        elif kind < 0.70:
            i = rng.randrange(len(body) - 1)
            q = f'"{body[i]} {body[i + 1]}"'
        elif kind < 0.85:
            source = a.get("source", "")
            words = " ".join(rng.sample(title, rng.randint(1, 2)))
            q = f"{words} source:{source}" if source and " " not in source else words
        else:
            words = " ".join(rng.sample(title, rng.randint(1, 3)))
            y = rng.randint(2010, 2024)
            q = f"{words} date:{y}..{y + rng.randint(0, 3)}"
        queries.append(q)
        if len(queries) == n:
            break
    with open(out, "w", encoding="utf-8") as f:
        for i, q in enumerate(queries, 1):
            f.write(f"q{i}\t{q}\n")


if __name__ == "__main__":
    main()
