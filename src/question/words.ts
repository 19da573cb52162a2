import type { Translator } from "../lexicon/types.js";
import { matchForm } from "../text/fold.js";
import { CHINESE_STOP_WORDS as ZH_STOP } from "../text/stop-words.js";
import { chineseWords, contentWords, englishKey } from "../text/tokens.js";

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
  if (translator)
    for (const [word, extra] of compoundSenses(han, translate)) {
      const entry = out.get(word);
      if (entry) entry.alts = [...new Set([...entry.alts, ...extra])];
    }
  return [...out.values()];
}

/** Most words the segmenter splits a dictionary compound into (港口|货物|吞吐量). */
const MAX_COMPOUND_PARTS = 4;

/**
 * Senses that adjacent words have only together: the segmenter splits dictionary compounds
 * (港口货物吞吐量 → 港口 | 货物 | 吞吐量), and only the whole has its abbreviation. Each part gets the
 * senses of the smallest run of words that has them, so a passage in the other language that uses
 * them counts for every part. Runs do not cross function words (的, 了, …).
 */
function compoundSenses(han: string, translate: (w: string) => string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const memo = new Map<string, Set<string>>();
  const senses = (w: string) => {
    let s = memo.get(w);
    if (!s) memo.set(w, (s = new Set(translate(w))));
    return s;
  };
  for (const [run] of han.matchAll(/\p{Script=Han}+/gu)) {
    const words = chineseWords(run).map((w) => w.word);
    for (let n = 2; n <= MAX_COMPOUND_PARTS; n++)
      for (let i = 0; i + n <= words.length; i++) {
        const parts = words.slice(i, i + n);
        if (parts.some((p) => ZH_STOP.has(p))) continue;
        // Senses the parts, or a shorter run of them, already have.
        const known = new Set<string>();
        for (let a = 0; a < n; a++)
          for (let b = a + 1; b <= n; b++)
            if (b - a < n) for (const e of senses(parts.slice(a, b).join(""))) known.add(e);
        const extra = [...senses(parts.join(""))].filter((e) => !known.has(e));
        for (const p of extra.length ? parts : [])
          found.set(p, [...(found.get(p) ?? []), ...extra]);
      }
  }
  return found;
}
