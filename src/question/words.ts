import type { Translator } from "../lexicon/types.js";
import { matchForm } from "../text/fold.js";
import { CHINESE_STOP_WORDS as ZH_STOP } from "../text/stop-words.js";
import { contentWords, englishKey } from "../text/tokens.js";

const LATIN_WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;
/** Pronouns and demonstratives, which the stop words (function words of passages) leave out. */
const PRONOUNS = new Set([..."它他她我你您们"]);

/**
 * A Chinese word without the one-character function words, pronouns and demonstratives at its
 * edges ("它的" → "", "大约有" → "", "那一" → "").
 *
 * @example
 *   trimFunctionWords("它的") // → ""
 */
export function trimFunctionWords(word: string): string {
  const isFunction = (ch: string) => ZH_STOP.has(ch) || PRONOUNS.has(ch);
  let w = word;
  // What is left may itself be a function word ("大约" of "大约有").
  while (w && !ZH_STOP.has(w)) {
    if (isFunction(w[0]!)) w = w.slice(1);
    else if (isFunction(w.at(-1)!)) w = w.slice(0, -1);
    else return w;
  }
  return "";
}

/**
 * The content words of a text, each with the forms that count as the same word in the other
 * language: dictionary translations, and for gazetteer names every spelling and script (a name
 * counts as one word, not as its parts).
 *
 * @example
 *   contentWordsWithAlts("外資銀行", translator) // → [{ term: "外资", alts: ["foreign", …] }, …]
 */
export function contentWordsWithAlts(
  text: string,
  translator: Translator | null,
): Array<{ term: string; alts: string[] }> {
  if (!text.trim()) return [];
  const out = new Map<string, { term: string; alts: string[] }>();
  let rest = text;
  if (translator) {
    for (const n of translator.names(text)) {
      const forms = [...new Set(n.variants.map((v) => matchForm(v)))];
      out.set(`name:${n.name}`, { term: forms[0]!, alts: forms });
      for (const v of n.variants) rest = rest.split(v).join(" ");
    }
  }
  for (const m of rest.replace(/\p{Script=Han}+/gu, " ").matchAll(LATIN_WORD)) {
    const key = englishKey(matchForm(m[0]));
    if (!key || out.has(key)) continue;
    const alts =
      translator && !/^\d/u.test(key)
        ? [
            ...translator.toChinese(m[0]).map((w) => matchForm(w)),
            ...(/^\p{Lu}/u.test(m[0]) ? translator.romanised(key) : []),
          ]
        : [];
    out.set(key, { term: key, alts });
  }
  // Latin words and numbers were read above; only they go (Chinese has no spaces, so a run of
  // letters and digits may be glued to the Chinese around it: "三大ICT基地", "1973年开始").
  const han = matchForm(rest).replace(/[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}.'’-]*/gu, " ");
  const translate = (w: string) =>
    translator
      ? translator
          .toEnglish(w)
          .map((e) => englishKey(e))
          .filter((k): k is string => k !== null)
      : [];
  for (const segmented of contentWords(han)) {
    let w = segmented;
    let alts = translate(w);
    // A "word" the dictionary does not know may be a word glued to a function word by the
    // segmenter ("它的", "那一", "大约有"): the function words at its edges go.
    if (translator && !alts.length) {
      w = trimFunctionWords(w);
      if (w.length < 2) continue;
      alts = translate(w);
    }
    if (out.has(w)) continue;
    out.set(w, { term: w, alts });
  }
  return [...out.values()];
}
