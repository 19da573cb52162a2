import { pinyin } from "pinyin-pro";
import { toSimplified } from "../text/fold.js";
import { latinKey } from "./names.js";
import type { ChineseVocabulary } from "./types.js";

/** Longest corpus substring remembered for `has`; longer translations are never checked. */
const MAX_WORD = 6;
/** Names resolved by pinyin are 2–4 characters long. */
const MIN_NAME = 2;
const MAX_NAME = 4;

/**
 * Indexes the Chinese of a corpus so that translations can be checked against it: every
 * substring of up to six characters (after Traditional→Simplified folding), and the toneless
 * pinyin of every 2–4-character substring, for resolving romanised names the dictionary lacks.
 *
 * @example
 *   const vocabulary = createVocabulary(["沈家灣工業區設立研發中心"]);
 *   vocabulary.has("研发中心") // → true
 *   vocabulary.byPinyin("Shenjiawan") // → ["沈家湾"]
 */
export function createVocabulary(texts: Iterable<string>): ChineseVocabulary {
  const substrings = new Set<string>();
  const byPinyin = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const match of toSimplified(text).matchAll(/[\u3400-\u9fff]+/g)) {
      const run = match[0];
      const syllables = pinyin(run, { toneType: "none", type: "array", v: false }).map((s) =>
        s.toLowerCase().replace(/ü/g, "u"),
      );
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= MAX_WORD && i + n <= run.length; n++) {
          const word = run.slice(i, i + n);
          substrings.add(word);
          if (n < MIN_NAME || n > MAX_NAME) continue;
          const key = syllables.slice(i, i + n).join("");
          const counts = byPinyin.get(key) ?? new Map<string, number>();
          counts.set(word, (counts.get(word) ?? 0) + 1);
          byPinyin.set(key, counts);
        }
      }
    }
  }
  return {
    has: (word) => substrings.has(word),
    byPinyin(romanised) {
      const counts = byPinyin.get(latinKey(romanised));
      return counts ? [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word) : [];
    },
  };
}
