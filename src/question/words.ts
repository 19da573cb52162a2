import type { Translator } from "../lexicon/types.js";
import { matchForm } from "../text/fold.js";
import { contentWords, englishKey } from "../text/tokens.js";

const LATIN_WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

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
  for (const w of contentWords(han)) {
    if (out.has(w)) continue;
    const alts = translator
      ? translator
          .toEnglish(w)
          .map((e) => englishKey(e))
          .filter((k): k is string => k !== null)
      : [];
    out.set(w, { term: w, alts });
  }
  return [...out.values()];
}
