import { stem } from "./english.js";
import { matchForm } from "./fold.js";
import { CHINESE_STOP_WORDS as ZH_STOP, FUNCTION_WORDS as EN_STOP } from "./stop-words.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * The words `Intl.Segmenter` finds in one run of Han characters, with their offsets in the run.
 *
 * @example
 *   chineseWords("天津引进资金").map((w) => w.word) // → ["天津", "引进", "资金"]
 */
export function chineseWords(run: string): Array<{ word: string; at: number }> {
  const out: Array<{ word: string; at: number }> = [];
  for (const s of segmenter.segment(run))
    if (s.isWordLike) out.push({ word: s.segment, at: s.index });
  return out;
}
const HAN_RUN = /\p{Script=Han}+/gu;
// Words keep inner apostrophes and decimal points; digit groups were merged before this runs.
const LATIN_WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/** Stemmed form of one English word, or null for a stop word. Apostrophes are dropped ("zhong'guancun" → "zhongguancun"). */
export function englishKey(word: string): string | null {
  const w = word.replace(/['’]/gu, "");
  if (!w || EN_STOP.has(w)) return null;
  if (/^\d/u.test(w)) return w.replace(/\.0+$/u, "");
  return w.length > 3 ? stem(w) : w;
}

/**
 * Tokens for lexical matching: English stems without stop words, numbers, and for Chinese both the
 * words found by `Intl.Segmenter` and character bigrams (the fallback for words the segmenter does not know).
 * Segmentation runs per Han run, which is much faster than over whole texts.
 *
 * @example
 *   tokenize("天津從山東吸收資金 in 2009") // → ["2009", "天津", "山东", "吸收", "资金", "天津", "津从", …] (words, then bigrams)
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
  for (const { word } of chineseWords(run))
    if (!ZH_STOP.has(word) && word.length > 1) out.push(word);
  if (run.length === 1 && !ZH_STOP.has(run)) out.push(run);
  for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  return out;
}

/**
 * The content words of a text in matching form: English stems and the Chinese words the segmenter
 * finds (no bigrams), each once. Used to measure how much of a question a sentence covers.
 *
 * @example
 *   contentWords("楊浦區政府出資多少？") // → ["杨浦区", "政府", "出资"]
 */
export function contentWords(text: string): string[] {
  const folded = matchForm(text);
  const out = new Set<string>();
  for (const m of folded.replace(HAN_RUN, " ").matchAll(LATIN_WORD)) {
    const key = englishKey(m[0]);
    if (key) out.add(key);
  }
  for (const [run] of folded.matchAll(HAN_RUN)) {
    // A word the segmenter does not know comes out as single characters ("腾|讯"): a run of them
    // is read as one word.
    let single = "";
    const flush = () => {
      if (single.length > 1) out.add(single);
      single = "";
    };
    for (const { word } of chineseWords(run)) {
      if (word.length === 1 && !ZH_STOP.has(word)) single += word;
      else {
        flush();
        if (word.length > 1 && !ZH_STOP.has(word)) out.add(word);
      }
    }
    flush();
  }
  return [...out];
}
