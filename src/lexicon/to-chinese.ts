import { stem, tokenizeEnglish, type EnglishToken } from "./english.js";
import { hasHan, toSimplified } from "./fold.js";
import { findNames, latinKey } from "./names.js";
import type { Posting, ReverseIndex } from "./reverse-index.js";
import type { Cedict, ChineseVocabulary, ToChineseOptions } from "./types.js";

/** What the English→Chinese translation needs from the loaded lexicon. */
export interface ToChineseDeps {
  readonly dict: Cedict;
  readonly index: ReverseIndex;
}

/** Longest English phrase looked up as one unit, in content words. */
const MAX_PHRASE = 4;
/** Two content words this far apart may still form a phrase ("share of Korea's handset market"). */
const PAIR_WINDOW = 5;
/** Within one phrase, candidates scoring below this share of the best are noise. */
const RELATIVE_FLOOR = 0.35;
const NAME_SCORE = 10;
const PINYIN_SCORE = 3;
/** A word already translated within a longer phrase keeps only confident translations, lowered. */
const COVERED_FACTOR = 0.6;
const COVERED_FLOOR = 0.5;

/** Adjectives of place whose noun is the dictionary headword ("Asian" → Asia). */
const DEMONYMS: Readonly<Record<string, string>> = {
  asian: "asia", european: "europe", african: "africa", american: "america", korean: "korea",
  chinese: "china", japanese: "japan", taiwanese: "taiwan", indian: "india", russian: "russia",
  german: "germany", french: "france", british: "britain", canadian: "canada", western: "west",
  eastern: "east", northern: "north", southern: "south", urban: "city", rural: "countryside",
};

/** Chinese length preference: 2–4 characters are words, single characters are ambiguous. */
const LENGTH_FACTOR = [0, 0.3, 1, 0.95, 0.9, 0.7, 0.55] as const;

interface Span {
  readonly positions: readonly number[];
  readonly tokens: readonly EnglishToken[];
  /** Contiguous in the question (internal function words allowed). */
  readonly contiguous: boolean;
}

interface Phrase extends Span {
  readonly exact: boolean;
  /** Best candidates with their scores, at most `perTerm`. */
  readonly best: readonly (readonly [string, number])[];
}

/**
 * Chinese (Simplified) words translating the names, phrases and content words of an English
 * question, best first. Ranking: gazetteer names; exact gloss matches over glosses that merely
 * contain the words; longer phrases over single words; main senses, short gloss lists and
 * unqualified glosses; 2–4-character words over single characters; English words with few
 * translations over vague ones; with a corpus vocabulary, words the corpus uses.
 *
 * @example
 *   translateToChinese("Which private equity funds invest in Tianjin?", deps)
 *   // → ["天津", "私募基金", "私募股权基金", "股权投资基金", "投资", …]
 */
export function translateToChinese(text: string, deps: ToChineseDeps, options: ToChineseOptions = {}): string[] {
  const { vocabulary, perTerm = 3, limit = 25 } = options;
  const scores = new Map<string, number>();
  const offer = (word: string, score: number): void => {
    scores.set(word, Math.max(scores.get(word) ?? 0, score));
  };
  const tokens = tokenizeEnglish(text);
  const covered = coverNames(text, tokens, offer);
  const phrases = spans(tokens, covered)
    .map((span) => lookupPhrase(span, deps.index, vocabulary, perTerm))
    .filter((phrase): phrase is Phrase => phrase !== undefined);
  const exactLong = phrases.filter((p) => p.exact && p.positions.length > 1);
  for (const phrase of phrases) {
    // Parts of an exactly translated longer phrase add little; parts of a hyphenated compound
    // ("high" in "high-tech") add nothing.
    const within = exactLong.filter((long) => long.positions.length > phrase.positions.length && phrase.positions.every((i) => long.positions.includes(i)));
    if (within.some((long) => long.tokens.slice(1).every((t) => t.hyphenated))) continue;
    for (const [word, score] of phrase.best) {
      if (within.length === 0) offer(word, score);
      else if (score >= COVERED_FLOOR) offer(word, score * COVERED_FACTOR);
    }
  }
  compose(phrases, vocabulary, offer);
  resolveByPinyin(tokens, covered, phrases, deps.dict, vocabulary, offer);
  return [...scores]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .slice(0, limit)
    .map(([word]) => word);
}

/** Offers the Chinese forms of gazetteer names in the text; returns the token positions they cover. */
function coverNames(text: string, tokens: readonly EnglishToken[], offer: (word: string, score: number) => void): Set<number> {
  const nameWords = new Set<string>();
  for (const found of findNames(text)) {
    for (const variant of found.variants) {
      if (hasHan(variant)) offer(toSimplified(variant), NAME_SCORE - variant.length * 0.01);
      else for (const part of variant.split(/[\s\-]+/)) nameWords.add(latinKey(part));
    }
  }
  const covered = new Set<number>();
  tokens.forEach((token, i) => {
    if (nameWords.has(latinKey(token.text))) covered.add(i);
  });
  return covered;
}

function isContent(token: EnglishToken | undefined, i: number, covered: ReadonlySet<number>): token is EnglishToken {
  return token !== undefined && !token.stop && !covered.has(i) && !/^\d/.test(token.text) && token.text.length > 1;
}

/**
 * Candidate phrases: contiguous runs of up to four content words (one function word may sit
 * inside: "bank of China"), plus pairs of nearby content words, which must match a gloss exactly.
 */
function spans(tokens: readonly EnglishToken[], covered: ReadonlySet<number>): Span[] {
  const result: Span[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (!isContent(tokens[start], start, covered)) continue;
    const positions = [start];
    let stops = 0;
    result.push({ positions: [start], tokens: [tokens[start] as EnglishToken], contiguous: true });
    for (let end = start + 1; end < tokens.length && positions.length < MAX_PHRASE; end++) {
      const token = tokens[end];
      if (!token || token.boundary || covered.has(end) || /^\d/.test(token.text)) break;
      if (token.stop) {
        if (++stops > 1) break;
        continue;
      }
      positions.push(end);
      result.push({ positions: [...positions], tokens: positions.map((i) => tokens[i] as EnglishToken), contiguous: true });
    }
    for (let other = start + 2; other < tokens.length && other - start <= PAIR_WINDOW; other++) {
      const token = tokens[other];
      if (!isContent(token, other, covered) || result.some((s) => s.contiguous && s.positions.length === 2 && s.positions[0] === start && s.positions[1] === other)) continue;
      result.push({ positions: [start, other], tokens: [tokens[start] as EnglishToken, token], contiguous: false });
    }
  }
  return result;
}

function lookupPhrase(span: Span, index: ReverseIndex, vocabulary: ChineseVocabulary | undefined, perTerm: number): Phrase | undefined {
  const stems = span.tokens.map((t) => t.stem);
  const demonymStems = span.tokens.map((t) => (DEMONYMS[t.lower] ? stem(DEMONYMS[t.lower] ?? "") : t.stem));
  let postings = index.lookup(stems);
  if (demonymStems.some((s, i) => s !== stems[i])) postings.push(...index.lookup(demonymStems));
  const words = span.tokens.length;
  if (!span.contiguous) postings = postings.filter((p) => p.glossWords === words);
  if (postings.length === 0) return undefined;
  const isName = span.tokens.every((t) => t.name);
  const surfaces = span.tokens.map((t) => [surface(t.lower), surface(DEMONYMS[t.lower] ?? t.lower)] as const);
  const exactWords = new Set(postings.filter((p) => p.glossWords === words).map((p) => p.word)).size;
  // English words with dozens of exact translations ("move", "hold") are vague; rank them lower.
  const vagueness = 1 / Math.sqrt(1 + exactWords / 10);
  const best = new Map<string, number>();
  for (const posting of postings) {
    const glossWords = posting.gloss.toLowerCase().split(/[^a-z0-9&']+/).filter((w) => w !== "" && w !== "to");
    const glossSurfaces = new Set(glossWords.map(surface));
    const literal = surfaces.every(([a, b]) => glossSurfaces.has(a) || glossSurfaces.has(b));
    // "business" is a better gloss for "business" than "what business?" or "on business".
    const extra = Math.max(0, glossWords.length - words);
    let score = scorePosting(posting, words, isName, vocabulary) * vagueness * (literal ? 1 : 0.55) * 0.85 ** extra;
    if (!span.contiguous) score *= 0.8;
    best.set(posting.word, Math.max(best.get(posting.word) ?? 0, score));
  }
  const ranked = [...best].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const top = ranked[0]?.[1] ?? 0;
  return {
    ...span,
    exact: exactWords > 0,
    best: ranked.filter(([, score]) => score >= top * RELATIVE_FLOOR).slice(0, perTerm),
  };
}

/** Word form for literal comparison: Porter conflates university/universe and busy/business. */
function surface(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function scorePosting(posting: Posting, words: number, isName: boolean, vocabulary: ChineseVocabulary | undefined): number {
  const exact = posting.glossWords === words;
  const match = exact ? 1 : (0.4 * words) / posting.glossWords;
  const phrase = words;
  const sense = 1 / (1 + 0.2 * posting.glossIndex);
  const specific = 1 / (1 + 0.04 * (posting.glossCount - 1));
  const qualified = posting.qualified ? 0.6 : 1;
  const length = LENGTH_FACTOR[Math.min(posting.word.length, LENGTH_FACTOR.length - 1)] ?? 0.4;
  const proper = posting.proper && !isName ? 0.2 : !posting.proper && isName ? 0.9 : 1;
  const known = vocabulary ? (vocabulary.has(posting.word) ? 1.6 : 0.5) : 1;
  return match * phrase * sense * specific * qualified * length * proper * known;
}

/**
 * Two adjacent words without a dictionary phrase ("domestic brand") are also offered as the
 * concatenation of their translations (国内 + 品牌); without a vocabulary only the top pair.
 */
function compose(phrases: readonly Phrase[], vocabulary: ChineseVocabulary | undefined, offer: (word: string, score: number) => void): void {
  const single = new Map(phrases.filter((p) => p.positions.length === 1 && p.exact).map((p) => [p.positions[0] ?? -1, p]));
  const exactPair = (a: number, b: number): boolean =>
    phrases.some((p) => p.exact && p.contiguous && p.positions.length === 2 && p.positions[0] === a && p.positions[1] === b);
  for (const phrase of phrases) {
    if (!phrase.contiguous || phrase.positions.length !== 2) continue;
    const [i = -1, j = -1] = phrase.positions;
    const left = single.get(i);
    const right = single.get(j);
    if (!left || !right || exactPair(i, j)) continue;
    const width = vocabulary ? 3 : 1;
    for (const [a, scoreA] of left.best.slice(0, width)) {
      for (const [b, scoreB] of right.best.slice(0, width)) {
        const word = a + b;
        if (a.length < 2 || b.length < 2 || word.length > 6) continue;
        if (vocabulary && !vocabulary.has(word)) continue;
        offer(word, Math.min(scoreA, scoreB) * (vocabulary ? 1.2 : 0.5));
      }
    }
  }
}

/** Capitalised words the dictionary cannot translate are tried as romanised Chinese names. */
function resolveByPinyin(
  tokens: readonly EnglishToken[],
  covered: ReadonlySet<number>,
  phrases: readonly Phrase[],
  dict: Cedict,
  vocabulary: ChineseVocabulary | undefined,
  offer: (word: string, score: number) => void,
): void {
  tokens.forEach((token, i) => {
    if (!token.name || covered.has(i) || token.stop) return;
    if (phrases.some((p) => p.positions.length === 1 && p.positions[0] === i && p.exact)) return;
    const key = latinKey(token.text);
    const fromCorpus = vocabulary?.byPinyin(key) ?? [];
    const fromDict = (dict.properByPinyin.get(key) ?? []).filter((word) => !vocabulary || vocabulary.has(word));
    for (const word of [...fromCorpus.slice(0, 2), ...fromDict.slice(0, 2)]) offer(word, PINYIN_SCORE);
  });
}
