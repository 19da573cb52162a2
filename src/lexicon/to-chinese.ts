import { tokenizeEnglish, type EnglishToken } from "../text/english.js";
import { hasHan, toSimplified } from "../text/fold.js";
import { latinKey, type Gazetteer } from "./names.js";
import { lookupPhrase, spans, type Phrase } from "./phrases.js";
import type { ReverseIndex } from "./reverse-index.js";
import type { Cedict, ChineseVocabulary, ToChineseOptions } from "./types.js";

/** What the English→Chinese translation needs from the loaded lexicon. */
export interface ToChineseDeps {
  readonly dict: Cedict;
  readonly index: ReverseIndex;
  readonly names: Gazetteer;
}

const NAME_SCORE = 10;
const PINYIN_SCORE = 3;
/** A word already translated within a longer phrase keeps only its best translation, lowered. */
const COVERED_FACTOR = 0.6;

/**
 * Chinese (Simplified) words translating the names, phrases and content words of an English
 * question, best first. Ranking: gazetteer names; exact gloss matches over glosses that merely
 * contain the words; longer phrases over single words; main senses, short gloss lists and
 * unqualified glosses; 2–4-character words over single characters; English words with few
 * translations over vague ones; with a corpus vocabulary, words the corpus uses.
 *
 * @example
 *   translateToChinese("Which private equity funds invest in Tianjin?", deps)
 *   // → ["天津", "私募基金", "股权投资基金", "私募股权基金", "私募股权", "股权投资", …]
 */
export function translateToChinese(
  text: string,
  deps: ToChineseDeps,
  options: ToChineseOptions = {},
): string[] {
  const { vocabulary, perTerm = 3, limit = 25 } = options;
  const scores = new Map<string, number>();
  const offer = (word: string, score: number): void => {
    scores.set(word, Math.max(scores.get(word) ?? 0, score));
  };
  const tokens = tokenizeEnglish(text);
  const covered = coverNames(text, tokens, deps.names, offer);
  const phrases = spans(tokens, covered)
    .map((span) => lookupPhrase(span, deps.index, vocabulary, perTerm))
    .filter((phrase): phrase is Phrase => phrase !== undefined);
  const exactLong = phrases.filter((p) => p.exact && p.positions.length > 1);
  for (const phrase of phrases) {
    // Parts of an exactly translated longer phrase add little; parts of a hyphenated compound
    // ("high" in "high-tech") add nothing.
    const within = exactLong.filter(
      (long) =>
        long.positions.length > phrase.positions.length &&
        phrase.positions.every((i) => long.positions.includes(i)),
    );
    if (within.some((long) => long.tokens.slice(1).every((t) => t.hyphenated))) continue;
    for (const [word, score] of within.length === 0 ? phrase.best : phrase.best.slice(0, 1)) {
      offer(word, within.length === 0 ? score : score * COVERED_FACTOR);
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
function coverNames(
  text: string,
  tokens: readonly EnglishToken[],
  names: Gazetteer,
  offer: (word: string, score: number) => void,
): Set<number> {
  const nameWords = new Set<string>();
  for (const found of names.find(text)) {
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

/**
 * Two adjacent words without a dictionary phrase ("software park") are also offered as the
 * concatenation of their translations (软件 + 园区), but only when the corpus uses it: unchecked
 * concatenations are mostly nonsense ("direct investment" → 导演入股, "film director" + "invest").
 */
function compose(
  phrases: readonly Phrase[],
  vocabulary: ChineseVocabulary | undefined,
  offer: (word: string, score: number) => void,
): void {
  if (!vocabulary) return;
  const single = new Map(
    phrases
      .filter((p) => p.positions.length === 1 && p.exact)
      .map((p) => [p.positions[0] ?? -1, p]),
  );
  const exactPair = (a: number, b: number): boolean =>
    phrases.some(
      (p) =>
        p.exact &&
        p.contiguous &&
        p.positions.length === 2 &&
        p.positions[0] === a &&
        p.positions[1] === b,
    );
  for (const phrase of phrases) {
    if (!phrase.contiguous || phrase.positions.length !== 2) continue;
    const [i = -1, j = -1] = phrase.positions;
    const left = single.get(i);
    const right = single.get(j);
    if (!left || !right || exactPair(i, j)) continue;
    for (const [a, scoreA] of left.best) {
      for (const [b, scoreB] of right.best) {
        const word = a + b;
        if (a.length >= 2 && b.length >= 2 && word.length <= 6 && vocabulary.has(word))
          offer(word, Math.min(scoreA, scoreB) * 1.2);
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
    const fromDict = (dict.properByPinyin.get(key) ?? []).filter(
      (word) => !vocabulary || vocabulary.has(word),
    );
    for (const word of [...fromCorpus.slice(0, 2), ...fromDict.slice(0, 2)])
      offer(word, PINYIN_SCORE);
  });
}
