#!/usr/bin/env python3
"""Measures stories (issue 21) on the news corpus.

  bench/story_pairs.py NSEARCH INDEX CORPUS.jsonl.xz QUERIES OUT_DIR

INDEX: the corpus indexed by NSEARCH. Writes to OUT_DIR: joined.tsv and near.tsv (100 random
pairs each, fixed seed: pairs in one story, and pairs of different stories whose body
5-shingle Jaccard is just under the join threshold of 0.5, in [0.35, 0.5)), with titles and
the first 300 characters of both bodies for reading; and prints figures as JSON: exact
duplicate bodies joined, and pairs of copies (Jaccard >= 0.6) in the top 10 of each query
with --duplicates collapse and show.

Jaccard here is over 5-word shingles of a simple normalization (diacritics and tatweel dropped,
alef, yeh and teh marbuta folded, split at non-letters), close to the analyzer's.
"""
import collections, itertools, json, lzma, random, re, subprocess, sys

nsearch, index, corpus, queries_path, out = sys.argv[1:6]
DIAC = re.compile('[\u064B-\u0652\u0640\u0670]')
WORD = re.compile(r'[^\W_]+')


def words(text):
    t = DIAC.sub('', text)
    t = re.sub('[أإآٱ]', 'ا', t).replace('ى', 'ي').replace('ة', 'ه')
    return WORD.findall(t.lower())


def shingles(text):
    w = words(text)
    if len(w) < 5:
        return {tuple(w)} if w else set()
    return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a and b else 0.0


articles = {}
with lzma.open(corpus, 'rt') as f:
    for line in f:
        a = json.loads(line)
        articles[a['id']] = a

listing = subprocess.run([nsearch, 'search', '--index', index, '--since', '1900', '--duplicates', 'show',
                          '--format', 'jsonl', '--limit', '100000', '--no-snippets', '--no-pager'],
                         capture_output=True, text=True).stdout
story = {}
for line in listing.splitlines():
    h = json.loads(line)
    if h.get('type') == 'hit':
        story[h['id']] = h['story']['id']
ids = sorted(i for i in articles if i in story)
sh = {i: shingles(articles[i]['body']) for i in ids}
figures = {'articles_in_corpus': len(articles), 'articles_indexed': len(ids)}

members = collections.defaultdict(list)
for i in ids:
    members[story[i]].append(i)
multi = [m for m in members.values() if len(m) > 1]
figures['stories_with_copies'] = len(multi)
figures['articles_in_stories_with_copies'] = sum(len(m) for m in multi)
figures['stories'] = len(members)

# Exact duplicates: every article whose body (stripped) is an earlier article's.
by_body = collections.defaultdict(list)
for i in ids:
    by_body[articles[i]['body'].strip()].append(i)
dups = joined = 0
for body, group in by_body.items():
    if len(group) < 2:
        continue
    for i in group[1:]:
        dups += 1
        joined += story[i] == story[group[0]]
figures['exact_duplicates'] = dups
figures['exact_duplicates_joined'] = joined

# Candidate pairs sharing a shingle that few articles hold (as MinHash bands would find them).
postings = collections.defaultdict(list)
for i in ids:
    for s in sh[i]:
        postings[s].append(i)
shared = collections.Counter()
for s, p in postings.items():
    if 1 < len(p) <= 30:
        for a, b in itertools.combinations(p, 2):
            shared[(a, b)] += 1
pairs_j = {}
for (a, b), n in shared.items():
    if n >= 3:
        pairs_j[(a, b)] = n / (len(sh[a]) + len(sh[b]) - n)
joined_pairs = [p for m in multi for p in itertools.combinations(sorted(m), 2)]
near = [p for p, j in pairs_j.items() if 0.35 <= j < 0.5 and story[p[0]] != story[p[1]]]
missed = [p for p, j in pairs_j.items() if j >= 0.6 and story[p[0]] != story[p[1]]]
figures['pairs_jaccard_ge_0.6'] = sum(1 for j in pairs_j.values() if j >= 0.6)
figures['pairs_jaccard_ge_0.6_not_joined'] = len(missed)
figures['joined_pairs'] = len(joined_pairs)
figures['joined_pairs_jaccard_lt_0.6'] = sum(1 for a, b in joined_pairs if jaccard(sh[a], sh[b]) < 0.6)
figures['near_pairs_0.35_0.5'] = len(near)


def write_sample(name, pairs):
    rng = random.Random(21)
    sample = sorted(rng.sample(sorted(pairs), min(100, len(pairs))))
    with open(f'{out}/{name}.tsv', 'w') as f:
        for a, b in sample:
            A, B = articles[a], articles[b]
            clip = lambda s: re.sub(r'\s+', ' ', s)[:300]
            f.write('\t'.join([a, b, f'{jaccard(sh[a], sh[b]):.2f}', A['source'], A['date'], A['title'], clip(A['body']),
                               B['source'], B['date'], B['title'], clip(B['body'])]) + '\n')


write_sample('joined', joined_pairs)
write_sample('near', near)


def copies_in_top10(extra):
    total = 0
    per = {}
    for q in open(queries_path, encoding='utf-8').read().splitlines():
        if not q.strip():
            continue
        r = subprocess.run([nsearch, 'search', '--index', index, q, '--format', 'ids', '--limit', '10', '--no-pager']
                           + extra, capture_output=True, text=True).stdout.split()
        n = sum(1 for a, b in itertools.combinations(r, 2) if a in sh and b in sh and jaccard(sh[a], sh[b]) >= 0.6)
        per[q] = n
        total += n
    return total, per


figures['top10_copy_pairs_collapse'], per_c = copies_in_top10([])
figures['top10_copy_pairs_show'], per_s = copies_in_top10(['--duplicates', 'show'])
figures['top10_per_query'] = {q: [per_s[q], per_c[q]] for q in per_c}
print(json.dumps(figures, ensure_ascii=False, indent=1))
