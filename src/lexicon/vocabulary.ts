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
 * pinyin of every character in context, for resolving romanised names the dictionary lacks to the
 * 2–4-character substrings they spell (most frequent first). Names are looked up by scanning the
 * syllables when asked rather than kept in a map of every substring's pinyin: a question asks for
 * a few, and the map would hold the Worker's memory (about 12 MB for this corpus).
 *
 * @example
 *   const vocabulary = createVocabulary(["沈家灣工業區設立研發中心"]);
 *   vocabulary.has("研发中心") // → true
 *   vocabulary.byPinyin("Shenjiawan") // → ["沈家湾"]
 */
export function createVocabulary(texts: Iterable<string>): ChineseVocabulary {
  const substrings = new Set<string>();
  const runs: Array<{ run: string; syllables: string[] }> = [];
  for (const text of texts) {
    for (const match of toSimplified(text).matchAll(/[\u3400-\u9fff]+/g)) {
      const run = match[0];
      const syllables = pinyin(run, { toneType: "none", type: "array", v: false }).map((s) =>
        s.toLowerCase().replace(/ü/g, "u"),
      );
      runs.push({ run, syllables });
      for (let i = 0; i < run.length; i++)
        for (let n = 1; n <= MAX_WORD && i + n <= run.length; n++)
          substrings.add(run.slice(i, i + n));
    }
  }
  return {
    has: (word) => substrings.has(word),
    byPinyin(romanised) {
      const key = latinKey(romanised);
      // Counted in corpus order, so that equally frequent words keep their first occurrence's order.
      const counts = new Map<string, number>();
      if (!key) return [];
      for (const { run, syllables } of runs) {
        for (let i = 0; i < run.length; i++) {
          let spelt = "";
          for (let n = 1; n <= MAX_NAME && i + n <= run.length; n++) {
            spelt += syllables[i + n - 1] ?? "";
            if (!key.startsWith(spelt)) break;
            if (n >= MIN_NAME && spelt === key) {
              const word = run.slice(i, i + n);
              counts.set(word, (counts.get(word) ?? 0) + 1);
            }
          }
        }
      }
      return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    },
  };
}
