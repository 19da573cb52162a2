#!/usr/bin/env python3
"""Static checks for eval/check.jsonl (the independent generalisation check set).

Run from the repository root:   python3 eval/verify_check.py
Exit status 0 when every check passes; otherwise the failures are listed.

Checks:
  * record format identical to ../shared/eval/dev.jsonl (fields, ids c001..c040, types, langs)
  * every evidence quote is a verbatim substring of the named seed file, 40-300 characters
  * the seed files and the corpus copies in corpus/ are byte-identical
  * table items name a cell whose value occurs in the evidence; follow-ups end with `question`
  * multi-doc items cite two different files; unanswerable items have no evidence
  * the gold answer (or an alias / every part) occurs in the evidence (NFKC, whitespace-free)
  * cross-lingual items: answer tokens absent from the other-language text
  * unanswerable items: the key fact is not in the corpus (regex probes must find nothing)
  * no question, answer-bearing quote span or table cell is shared with dev.jsonl
"""
import collections, hashlib, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'corpus-seeds'))
DEV = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'))
CHECK = os.path.join(HERE, 'check.jsonl')

EXPECTED = {'fact': 10, 'table': 6, 'zh': 5, 'zh-simplified': 3, 'cross-lingual-en2zh': 4,
            'cross-lingual-zh2en': 3, 'multi-doc': 3, 'unanswerable': 3, 'followup': 3}
KEYS = {'id', 'question', 'lang', 'type', 'answer', 'aliases', 'evidence', 'table', 'turns'}
LANG_OK = {'fact': {'en'}, 'table': {'en', 'zh-Hant', 'zh-Hans'}, 'zh': {'zh-Hant'},
           'zh-simplified': {'zh-Hans'}, 'cross-lingual-en2zh': {'en'},
           'cross-lingual-zh2en': {'zh-Hant', 'zh-Hans'}, 'multi-doc': {'en', 'zh-Hant', 'zh-Hans'},
           'unanswerable': {'en', 'zh-Hant', 'zh-Hans'}, 'followup': {'en', 'zh-Hant', 'zh-Hans'}}

# Unanswerable probes (NFKC-folded text). A probe is a list of regexes; it "hits" when all of
# them match inside one sentence (split at . 。 ! ? ； and blank lines), or, for a single string,
# anywhere in the whole corpus. Every probe must have zero hits.
UNANSWERABLE_PROBES = {
    # Daedeok patents by year: 表三 (Park 2009) covers 1995-2007 only; no 2008 figure anywhere.
    'c035': [[r'(patent|專利)', r'2008'], r'表三[\s\S]{0,200}2008'],
    # Foreign firms in BEZ: 004 Table 1 covers 1989-1995 (and "by the end of 1995"); nothing for 1998.
    'c036': [[r'1998', r'(foreign|外資|外商)'], [r'(BEZ|Zhong.?guancun|中關村)', r'1998']],
    # Dongguan wages: only "the increase in wages since 2003" is mentioned, never an amount.
    'c037': [[r'(Dongguan|東莞|东莞)', r'(wage|salary|工資|薪)', r'(yuan|元|RMB|\$|dollar|per month|每月)'],
             [r'(monthly|minimum) wage'], [r'(assembly|migrant) workers?', r'(wage|salary|工資|薪)']],
}


def probe_hits(spec, text, sentences):
    if isinstance(spec, str):
        return [m.group(0)[:80] for m in re.finditer(spec, text, re.I)]
    return [s[:80] for s in sentences if all(re.search(p, s, re.I) for p in spec)]


# Tiny Traditional->Simplified map, enough for the gold strings used here.
T2S = str.maketrans({'萬': '万', '億': '亿', '廠': '厂', '區': '区', '與': '与', '體': '体', '術': '术',
                     '資': '资', '業': '业', '國': '国', '際': '际', '發': '发', '產': '产', '灣': '湾',
                     '韓': '韩', '學': '学', '濱': '滨', '總': '总', '農': '农', '東': '东', '電': '电',
                     '類': '类', '場': '场', '較': '较', '爭': '争', '關': '关', '聯': '联', '興': '兴',
                     '銀': '银', '行': '行', '師': '师', '務': '务', '執': '执', '計': '计', '劃': '划'})


def fold(s):
    s = unicodedata.normalize('NFKC', s)
    s = s.translate(T2S)
    return re.sub(r'\s+', '', s).lower()


def sha(p):
    return hashlib.sha256(open(p, 'rb').read()).hexdigest()


def tok_re(tok):
    t = re.escape(unicodedata.normalize('NFKC', tok))
    if tok[:1].isdigit():
        t = r'(?<![\d.,])' + t
    if tok[-1:].isdigit():
        t = t + r'(?![\d]|[.,]\d)'
    return re.compile(t, re.I)


def main():
    fails = []
    fail = fails.append
    seeds = {f: open(os.path.join(SEEDS, f), encoding='utf-8').read()
             for f in sorted(os.listdir(SEEDS)) if f.endswith('.txt')}

    # seed <-> corpus copies
    corpus_dir = os.path.join(ROOT, 'corpus')
    seed_hash = {sha(os.path.join(SEEDS, f)): f for f in seeds}
    mapping = {}
    for f in sorted(os.listdir(corpus_dir)):
        if f.endswith('.txt'):
            h = sha(os.path.join(corpus_dir, f))
            if h in seed_hash:
                mapping[seed_hash[h]] = f
    if len(mapping) != len(seeds):
        fail('corpus/ does not hold a byte-identical copy of every seed file')
    print('seed files and their corpus copies:')
    for s, c in sorted(mapping.items()):
        print(f'  {s}  ==  corpus/{c}')

    # English / Chinese text regions (003: ch.1 and ch.5 Chinese, ch.2-3 English)
    lines = seeds['003_d01f1715b6135afe.txt'].split('\n')
    s2 = next(i for i, l in enumerate(lines) if l.strip().startswith('第二章'))
    s5 = next(i for i, l in enumerate(lines) if l.strip().startswith('第五章'))
    zh_text = unicodedata.normalize('NFKC', '\n'.join(lines[:s2] + lines[s5:]))
    en_text = unicodedata.normalize('NFKC', '\n'.join(lines[s2:s5]) + '\n' + '\n'.join(
        t for f, t in seeds.items() if not f.startswith('003')))
    all_text = unicodedata.normalize('NFKC', '\n'.join(seeds.values()))
    sentences = [x.replace('\n', ' ') for x in re.split(r'(?<!\d)[.!?](?!\d)|[。！？；]|\n\s*\n', all_text)]

    dev = [json.loads(l) for l in open(DEV, encoding='utf-8') if l.strip()]
    dev_questions = {d['question'].strip().lower() for d in dev}
    dev_spans = collections.defaultdict(list)
    for d in dev:
        for e in d['evidence']:
            i = seeds[e['doc']].find(e['quote'])
            dev_spans[e['doc']].append((i, i + len(e['quote'])))
    dev_cells = {(d['table']['doc'], d['table']['label'], d['table']['row'], d['table']['value'])
                 for d in dev if d.get('table')}

    items = [json.loads(l) for l in open(CHECK, encoding='utf-8') if l.strip()]
    counts = collections.Counter(d['type'] for d in items)
    nquotes = 0
    for n, d in enumerate(items, 1):
        i = d.get('id')
        if i != 'c%03d' % n:
            fail(f'{i}: id out of sequence (expected c{n:03d})')
        extra = set(d) - KEYS - {'parts'}
        missing = KEYS - set(d)
        if extra or missing:
            fail(f'{i}: fields extra={extra} missing={missing}')
        t = d['type']
        if t not in EXPECTED:
            fail(f'{i}: unknown type {t}')
            continue
        if d['lang'] not in LANG_OK[t]:
            fail(f'{i}: lang {d["lang"]} not allowed for {t}')
        if d['question'].strip().lower() in dev_questions:
            fail(f'{i}: question duplicates dev.jsonl')

        ev = d['evidence']
        for e in ev:
            nquotes += 1
            if e['doc'] not in seeds:
                fail(f'{i}: unknown doc {e["doc"]}')
                continue
            q = e['quote']
            if not (40 <= len(q) <= 300):
                fail(f'{i}: quote length {len(q)} outside 40-300')
            pos = seeds[e['doc']].find(q)
            if pos < 0:
                fail(f'{i}: quote NOT verbatim in {e["doc"]}: {q[:50]!r}')
            else:
                for a, b in dev_spans[e['doc']]:
                    if pos < b and a < pos + len(q):
                        fail(f'{i}: evidence overlaps a dev.jsonl quote in {e["doc"]}')

        if t == 'unanswerable':
            if d['answer'] != 'NOT_IN_CORPUS' or d['aliases'] or ev:
                fail(f'{i}: unanswerable must have NOT_IN_CORPUS, [] aliases, [] evidence')
            for pat in UNANSWERABLE_PROBES.get(i, []):
                hits = probe_hits(pat, all_text, sentences)
                if hits:
                    fail(f'{i}: probe {pat!r} found {hits[:3]}')
            if i not in UNANSWERABLE_PROBES:
                fail(f'{i}: no grep probe defined')
            continue

        if not ev:
            fail(f'{i}: no evidence')
        ev_fold = fold(' '.join(e['quote'] for e in ev))
        forms = [d['answer']] + d['aliases']
        if d.get('parts'):
            ok = all(any(fold(f) in ev_fold for f in part) for part in d['parts'])
        else:
            ok = any(fold(f) in ev_fold for f in forms)
        if not ok:
            fail(f'{i}: neither answer, alias nor all parts occur in the evidence')

        if t == 'multi-doc' and len({e['doc'] for e in ev}) < 2:
            fail(f'{i}: multi-doc needs quotes from two different files')
        if t == 'table' and not d['table']:
            fail(f'{i}: table item without table cell')
        if d['table']:
            tb = d['table']
            if set(tb) != {'doc', 'label', 'row', 'column', 'value'}:
                fail(f'{i}: table keys {set(tb)}')
            elif tb['value'] not in ' '.join(e['quote'] for e in ev if e['doc'] == tb['doc']):
                fail(f'{i}: table value {tb["value"]} not in evidence')
            elif (tb['doc'], tb['label'], tb['row'], tb['value']) in dev_cells:
                fail(f'{i}: table cell reused from dev.jsonl')
        if t == 'followup':
            if not d['turns'] or len(d['turns']) < 2 or d['turns'][-1]['question'] != d['question']:
                fail(f'{i}: followup turns malformed')
        elif d['turns'] is not None:
            fail(f'{i}: turns must be null for non-followup items')

        if t in ('cross-lingual-en2zh', 'cross-lingual-zh2en'):
            other = en_text if t == 'cross-lingual-en2zh' else zh_text
            for f in forms:
                if f == d['answer'] and ('(' in f or '（' in f):
                    continue  # composite display answer; its pieces are listed as aliases
                r = tok_re(f)
                m = r.search(other)
                if m:
                    fail(f'{i}: answer token {f!r} occurs in the other-language text: '
                         f'{other[max(0, m.start() - 30):m.end() + 30]!r}')
            if not all(e['doc'] == '003_d01f1715b6135afe.txt' for e in ev) and t == 'cross-lingual-en2zh':
                fail(f'{i}: en2zh evidence must come from the Chinese chapters of 003')

    print(f'\n{len(items)} items, {nquotes} evidence quotes checked')
    print('per-type counts (expected in brackets):')
    for t, n in EXPECTED.items():
        mark = '' if counts[t] == n else '   <-- MISMATCH'
        print(f'  {t:22s} {counts[t]:3d}  [{n}]{mark}')
        if counts[t] != n:
            fail(f'type {t}: {counts[t]} items, expected {n}')
    if not any('probe' in f for f in fails):
        print(f'\nunanswerable probes: {sum(len(v) for v in UNANSWERABLE_PROBES.values())} probes, 0 hits')
    if fails:
        print('\nFAILURES:')
        for f in fails:
            print('  -', f)
        sys.exit(1)
    print('\nALL CHECKS PASSED')


if __name__ == '__main__':
    main()
