import type { Entity, QuestionWord } from "../question/types.js";
import { tokenize } from "../text/tokens.js";
import { idf } from "./bm25.js";
import { documentFrequency, type LexicalIndexData } from "./lexical-index.js";
import type { TextView } from "./views.js";

const HAN = /\p{Script=Han}/u;

/**
 * Whether a text holds one form of a word: Chinese and multi-word forms as substrings of the folded
 * text, single words as tokens.
 *
 * @example
 *   hasForm(viewOf("外資銀行 in Beijing"), "外资") // → true
 */
export function hasForm(view: TextView, form: string): boolean {
  if (!form) return false;
  if (HAN.test(form) || form.includes(" ")) return view.folded.includes(form);
  return view.tokens.has(form);
}

/** Whether a text holds a question word as written, or (with `alts`) through a translation or variant. */
export const wordFound = (view: TextView, w: QuestionWord, alts: boolean): boolean =>
  hasForm(view, w.term) || (alts && w.alts.some((a) => hasForm(view, a)));

/** The tokens of each Latin form of an entity, computed once per question. */
export interface EntityForms {
  han: string[];
  latin: string[][];
}

/** Splits an entity's forms for matching. */
export const entityForms = (e: Entity): EntityForms => ({
  han: e.forms.filter((f) => HAN.test(f)),
  latin: e.forms
    .filter((f) => !HAN.test(f))
    .map((f) => tokenize(f))
    .filter((t) => t.length > 0),
});

/**
 * Whether a text names an entity: a Chinese form as a substring, or every token of a Latin form
 * ("Zhong’guan-cun", "Zhong'guancun" and "ZHONGGUANCUN" agree).
 */
export const entityFound = (view: TextView, e: EntityForms): boolean =>
  e.han.some((f) => view.folded.includes(f)) ||
  e.latin.some((t) => t.every((x) => view.tokens.has(x)));

/**
 * How rare a name is: the idf of its most frequent token over all its forms (a name every passage
 * uses is no evidence), or the rarest possible when the corpus never uses it.
 */
export function entityIdf(forms: readonly string[], lexical: LexicalIndexData): number {
  let df = 0;
  for (const f of forms) {
    const tokens = tokenize(f);
    if (tokens.length)
      df = Math.max(df, Math.min(...tokens.map((t) => documentFrequency(lexical, t))));
  }
  return idf(df, lexical.docCount);
}

/**
 * Whether the corpus never uses a name in any of its forms (every form has a token no passage holds).
 *
 * @example
 *   unknownName(["tianfu software park"], lexical) // → true
 */
export function unknownName(forms: readonly string[], lexical: LexicalIndexData): boolean {
  return forms.every((f) => {
    if (HAN.test(f))
      return (
        documentFrequency(lexical, f) === 0 &&
        !tokenize(f).every((t) => documentFrequency(lexical, t) > 0)
      );
    const tokens = tokenize(f);
    return !tokens.length || tokens.some((t) => documentFrequency(lexical, t) === 0);
  });
}

/**
 * How informative a question word is: its own idf when the index knows it, else that of a
 * translation the index knows (the word may only occur in the other language), else that of its
 * rarest character bigram (a Chinese word segmented differently in passages); unknown → rarest.
 */
export function wordIdf(w: QuestionWord, lexical: LexicalIndexData): number {
  const df = (t: string) => documentFrequency(lexical, t);
  const idfOf = (t: string) => idf(df(t), lexical.docCount);
  if (df(w.term) > 0) return idfOf(w.term);
  const alts = w.alts.filter((a) => df(a) > 0).map(idfOf);
  if (alts.length) return Math.max(...alts);
  const bigrams = [...w.term]
    .slice(1)
    .map((ch, i) => `${w.term[i]}${ch}`)
    .filter((b) => df(b) > 0);
  if (HAN.test(w.term) && bigrams.length) return Math.max(...bigrams.map(idfOf));
  return idfOf(w.term);
}

/** Whether a word is unknown to the corpus in every form (a sign the corpus does not discuss it). */
export function unknownWord(w: QuestionWord, lexical: LexicalIndexData): boolean {
  const known = (t: string) =>
    documentFrequency(lexical, t) > 0 || tokenize(t).some((x) => documentFrequency(lexical, x) > 0);
  // The first translation is the word's main sense; later ones are often parts of a name's gloss
  // ("腾讯" → tencent, hold, limit) that say nothing about whether the corpus discusses it.
  return !known(w.term) && !(w.alts[0] !== undefined && known(w.alts[0]));
}

/**
 * The idf-weighted share of the question's words a text holds (each word once, as written or, with
 * `alts`, through a translation).
 *
 * @example
 *   coverage(view, words, idfs, true) // → 0.62
 */
export function coverage(
  view: TextView,
  words: readonly QuestionWord[],
  idfs: readonly number[],
  alts: boolean,
): number {
  let total = 0;
  let found = 0;
  words.forEach((w, i) => {
    const weight = w.weight * idfs[i]!;
    total += weight;
    if (wordFound(view, w, alts)) found += weight;
  });
  return total > 0 ? found / total : 0;
}

/**
 * `n` occurs in `text` as a whole number (not as part of a longer one).
 *
 * @example
 *   containsNumber("in 1988 and 19880", "1988") // → true
 */
export function containsNumber(text: string, n: string): boolean {
  const re = new RegExp(`(?<![\\d.])${n.replace(/[.]/gu, "\\.")}(?![\\d]|\\.\\d)`, "u");
  return re.test(text);
}

/**
 * The idf-weighted share of the question's words that the corpus never uses in any form: high for
 * a question about something the corpus does not discuss.
 *
 * @example
 *   unknownShare(words, idfs, lexical) // → 0.4
 */
export function unknownShare(
  words: readonly QuestionWord[],
  idfs: readonly number[],
  lexical: LexicalIndexData,
): number {
  let total = 0;
  let unknown = 0;
  words.forEach((w, i) => {
    total += w.weight * idfs[i]!;
    if (unknownWord(w, lexical)) unknown += w.weight * idfs[i]!;
  });
  return total > 0 ? unknown / total : 0;
}
