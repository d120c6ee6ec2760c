#!/usr/bin/env python3
"""Synthetic news corpus for the scale benchmark, built from the real one.

Sentences of the real articles are recombined across articles (so the vocabulary and its
frequencies are kept), titles are real titles, sources are the corpus's 14 outlets plus
a few more, and dates spread over 2010-2025 at day, month and year precision (5% undated).

    synth.py NEWS.jsonl.xz N OUT.jsonl [--seed S] [--id-prefix P] [--sentences MIN,MAX]

Articles get MIN..MAX sentences (default 1..5, about 1.2 KB of text: shorter than the real
corpus's 3.1 KB average, so that a million articles fit in a benchmark session; the MB/s
figures make runs comparable).
"""
import argparse
import json
import lzma
import random
import re

EXTRA_SOURCES = ["الجزيرة", "العربية", "وكالة الأناضول", "الشرق الأوسط", "سكاي نيوز عربية", "المشهد"]
SPLIT = re.compile(r"(?<=[.!؟?])\s+|\n+")


def load(path):
    sentences, titles, sources = [], [], set()
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("title"):
                titles.append(d["title"])
            sources.add(d.get("source") or "")
            for s in SPLIT.split(d.get("body") or ""):
                s = s.strip()
                if len(s) > 30:
                    sentences.append(s)
    sources.discard("")
    return sentences, titles, sorted(sources) + EXTRA_SOURCES


def date(rng):
    y = rng.randint(2010, 2025)
    m = rng.randint(1, 12)
    r = rng.random()
    if r < 0.05:
        return ""
    if r < 0.10:
        return f"{y}"
    if r < 0.20:
        return f"{y}-{m:02d}"
    return f"{y}-{m:02d}-{rng.randint(1, 28):02d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("news")
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--id-prefix", default="syn")
    ap.add_argument("--sentences", default="1,5")
    a = ap.parse_args()
    lo, hi = map(int, a.sentences.split(","))
    rng = random.Random(a.seed)
    sentences, titles, sources = load(a.news)
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.n):
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(lo, hi)))
            art = {"id": f"{a.id_prefix}-{i:07d}", "title": rng.choice(titles), "body": body,
                   "source": rng.choice(sources), "date": date(rng)}
            out.write(json.dumps(art, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
