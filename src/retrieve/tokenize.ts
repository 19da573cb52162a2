import { stemmer } from "stemmer";
import { toSimplified } from "../lexicon/fold.js";
import { EN_STOP, ZH_STOP } from "./stopwords.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const HAN_RUN = /\p{Script=Han}+/gu;
// Words keep inner apostrophes and decimal points; digit groups were merged before this runs.
const LATIN_WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/**
 * The matching form of any text, shared by passages and questions: NFKC (compatibility ideographs,
 * full-width forms), lower case, Traditional folded to Simplified, digit groups merged ("1,116" → "1116").
 * Display text never goes through this.
 *
 * @example
 *   matchForm("中關村 ＡＢＣ 1,116 GDP13.4%") // → "中关村 abc 1116 gdp 13.4%"
 */
export function matchForm(text: string): string {
  // toSimplified applies NFKC first; the tw→cn tables hold no cased letters, so the order is immaterial.
  return (
    toSimplified(text)
      .toLowerCase()
      .replace(/(\d),(?=\d{3}(?!\d))/gu, "$1")
      // PDF conversions glue words to numbers ("GDP13.4%"); a word and a number are two tokens.
      .replace(/(\p{Script=Latin})(?=\d)|(\d)(?=\p{Script=Latin})/gu, "$1$2 ")
  );
}

/** Stemmed form of one English word, or null for a stop word. Apostrophes are dropped ("zhong'guancun" → "zhongguancun"). */
export function englishKey(word: string): string | null {
  const w = word.replace(/['’]/gu, "");
  if (!w || EN_STOP.has(w)) return null;
  if (/^\d/u.test(w)) return w.replace(/\.0+$/u, "");
  return w.length > 3 ? stemmer(americanSpelling(w)) : w;
}

/**
 * British spellings folded to American ones, so "centre" matches "center" and "labour" "labor"
 * (the corpus and its readers use both).
 *
 * @example
 *   americanSpelling("organisation") // → "organization"
 */
export function americanSpelling(word: string): string {
  return word
    .replace(/^(\p{L}{3,})tre(s?)$/u, "$1ter$2")
    .replace(/^(\p{L}{3,})our(s|ed|ing)?$/u, "$1or$2")
    .replace(/isation(s?)$/u, "ization$1")
    .replace(/^programme(s?)$/u, "program$1");
}

/**
 * Tokens for lexical matching: English stems without stop words, numbers, and for Chinese both the
 * words found by `Intl.Segmenter` and character bigrams (the fallback for words the segmenter does not know).
 * Segmentation runs per Han run, which is much faster than over whole texts.
 *
 * @example
 *   tokenize("天津從北京引進資金 in 2007") // → ["天津", "从", "北京", ..., "天津"+"津从" bigrams ..., "2007"]
 */
export function tokenize(text: string): string[] {
  const folded = matchForm(text);
  const tokens: string[] = [];
  for (const m of folded.replace(HAN_RUN, " ").matchAll(LATIN_WORD)) {
    const key = englishKey(m[0]);
    if (key) tokens.push(key);
  }
  for (const [run] of folded.matchAll(HAN_RUN)) tokens.push(...chineseTokens(run));
  return tokens;
}

/** Words and character bigrams of one run of Han characters (already folded to Simplified). */
export function chineseTokens(run: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(run))
    if (s.isWordLike && !ZH_STOP.has(s.segment) && s.segment.length > 1) out.push(s.segment);
  if (run.length === 1 && !ZH_STOP.has(run)) out.push(run);
  for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  return out;
}

/**
 * The content words of a text in matching form: English stems and the Chinese words the segmenter
 * finds (no bigrams), each once. Used to measure how much of a question a sentence covers.
 *
 * @example
 *   contentWords("楊浦區政府占多少？") // → ["杨浦", "区", "政府", ...]
 */
export function contentWords(text: string): string[] {
  const folded = matchForm(text);
  const out = new Set<string>();
  for (const m of folded.replace(HAN_RUN, " ").matchAll(LATIN_WORD)) {
    const key = englishKey(m[0]);
    if (key) out.add(key);
  }
  for (const [run] of folded.matchAll(HAN_RUN))
    for (const s of segmenter.segment(run))
      if (s.isWordLike && s.segment.length > 1 && !ZH_STOP.has(s.segment)) out.add(s.segment);
  return [...out];
}
