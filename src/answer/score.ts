import type { ChunkSentence } from "../chunks/types.js";
import { idf } from "../retrieve/bm25.js";
import { documentFrequency, type LexicalIndexData } from "../retrieve/lexical-index.js";
import { asksQuantity, asksTime, containsNumber } from "../retrieve/rerank.js";
import { englishKey, tokenize } from "../text/tokens.js";
import { matchForm } from "../text/fold.js";
import type { Hit, PreparedQuery } from "../retrieve/types.js";

/** A sentence of a retrieved passage, scored as an answer to the question. */
export interface Candidate {
  hit: Hit;
  rank: number;
  sentence: ChunkSentence;
  text: string;
  score: number;
  coverage: number;
}

/** Removes parenthetical references — a name or title with a year ("(Kim, 2001: 36)", "(趙弘, 2005)") — but keeps other parentheses. */
export const withoutReferences = (text: string): string =>
  text.replace(
    /[(（][^()（）]{0,80}?\p{L}[^()（）]{0,80}?(?<!\d)(1[89]\d\d|20\d\d)[a-z]?(?:\s*[:：,]\s*[\d\-–]+)?[^()（）]{0,20}[)）]/gu,
    " ",
  );

/**
 * What a quantity question counts or measures: the words after "how many"/"what share of", or the
 * measure word after 多少/幾 ("多少億元" → 亿元). Empty when the question has no such phrase.
 *
 * @example
 *   focusTerms("How many employees did a firm have?") // → ["employe"]
 */
export function focusTerms(question: string): string[] {
  const q = matchForm(question);
  const en =
    /\bhow (?:many|much)\s+([a-z][a-z-]*)|\bwhat (?:share|percentage|proportion|number|amount|fraction) of (?:the |its |their )?([a-z][a-z-]*)/u.exec(
      q,
    );
  const word = en?.[1] ?? en?.[2];
  if (word) {
    const key = englishKey(word);
    return key && !/^(did|do|does|was|were|are|is|had|have)$/u.test(key) ? [key] : [];
  }
  // A measure word: one character, or two for large units (億元, 萬人).
  const zh = /(?:多少|幾|几)([亿万千百]?\p{Script=Han})/u.exec(q);
  return zh ? [zh[1]!] : [];
}

/**
 * Scores every sentence of the passages: coverage of the question's content words (as written or through
 * a translation), half the previous sentence's coverage, the passage's rank, and answer-type cues (a new
 * number for quantity questions, a year for date questions, the counted thing, the question's numbers).
 *
 * @example
 *   scoreSentences(query, hits, index.lexical).sort((a, b) => b.score - a.score)[0]
 */
export function scoreSentences(
  query: PreparedQuery,
  hits: Hit[],
  lexical: LexicalIndexData,
): Candidate[] {
  const idfOf = (t: string) => idf(documentFrequency(lexical, t), lexical.docCount);
  // Coverage: the idf-weighted share of the question's content words a sentence contains, or of the
  // same amount matched through translations (an answer in the other language can only match those).
  const words = query.words.map((w) => ({ ...w, idf: wordIdf(w.term, w.alts, lexical) }));
  const total = words.reduce((a, w) => a + w.weight * w.idf, 0) || 1;
  const has = (folded: string, tokens: ReadonlySet<string>, form: string) =>
    /\p{Script=Han}/u.test(form)
      ? folded.includes(form)
      : tokens.has(form) || (form.includes(" ") && folded.includes(form));
  const wantsNumber = asksQuantity(query.text);
  const wantsTime = asksTime(query.text);
  const focus = focusTerms(query.text);
  const out: Candidate[] = [];
  hits.forEach((hit, rank) => {
    if (hit.chunk.kind === "references") return;
    let previous = new Set<number>();
    for (const sentence of hit.chunk.sentences) {
      const text = hit.chunk.text.slice(sentence.start, sentence.end);
      const tokens = new Set(tokenize(text));
      const folded = matchForm(text);
      // Each question word counts once, whether found as written or through a translation or variant.
      const found = new Set<number>();
      words.forEach((w, i) => {
        if (has(folded, tokens, w.term) || w.alts.some((a) => has(folded, tokens, a))) found.add(i);
      });
      const weigh = (set: ReadonlySet<number>) =>
        Math.min(1, [...set].reduce((a, i) => a + words[i]!.weight * words[i]!.idf, 0) / total);
      const coverage = weigh(found);
      // A sentence often refers back ("its stock") to what the sentence before it names.
      const withPrevious = weigh(new Set([...found, ...previous]));
      previous = found;
      if (tokens.size < 3) continue;
      // Fragments ("In 1988, the Beijing Experimental Zone (BEZ)!") rarely state an answer.
      const fragment = tokens.size < 6 ? 0.1 : 0;
      let score =
        coverage -
        fragment +
        0.35 * (withPrevious - coverage) +
        0.2 / (1 + rank) +
        0.15 * Math.min(1, hit.score / (hits[0]?.score || 1));
      // Years and numbers inside parenthetical references ("(Kim, 2001: 36)") are citations, not facts.
      const body = withoutReferences(folded);
      // A quantity question is answered by a sentence stating a number the question does not already give.
      // A number glued to the word before it ("interviews40") is a footnote marker, not a figure.
      const figures =
        withoutReferences(text.normalize("NFKC")).match(
          /(?<![\p{Script=Latin}\d.,])\d+(?:[.,]\d+)*/gu,
        ) ?? [];
      const newNumber = figures.some((n) => !query.numbers.includes(n.replace(/,/gu, "")));
      if (wantsNumber) score += newNumber ? 0.15 : -0.2;
      // "How many employees …": the sentence should count the thing asked about.
      if (
        focus.length &&
        focus.some((f) => tokens.has(f) || (/\p{Script=Han}/u.test(f) && folded.includes(f)))
      )
        score += 0.15;
      if (wantsTime) score += /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/u.test(body) ? 0.15 : -0.1;
      for (const n of query.numbers) if (containsNumber(folded, n)) score += 0.1;
      // Prefer evidence in the question's language when it covers the question about as well.
      if (hit.chunk.lang !== query.lang) score -= 0.12;
      if (text.length > 300) score -= Math.min(0.2, (text.length - 300) / 1500);
      out.push({ hit, rank, sentence, text, score, coverage });
    }
  });
  return out;
}

/**
 * How informative a question word is: its own idf when the index knows it, else that of a translation
 * the index knows (the word may only occur in the other language), else that of its rarest character
 * bigram (a Chinese word the segmenter split differently in passages); unknown everywhere → rarest possible.
 */
function wordIdf(term: string, alts: readonly string[], lexical: LexicalIndexData): number {
  const known = (t: string) => documentFrequency(lexical, t) > 0;
  const idfOf = (t: string) => idf(documentFrequency(lexical, t), lexical.docCount);
  if (known(term)) return idfOf(term);
  const altIdfs = alts.filter(known).map(idfOf);
  if (altIdfs.length) return Math.max(...altIdfs);
  const bigrams = [...term]
    .slice(1)
    .map((ch, i) => `${term[i]}${ch}`)
    .filter(known);
  if (/\p{Script=Han}/u.test(term) && bigrams.length) return Math.max(...bigrams.map(idfOf));
  return idfOf(term);
}
