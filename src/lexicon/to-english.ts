import { hasHan, toSimplified } from "../text/fold.js";
import { pinyinOf, type Gazetteer } from "./names.js";
import { segmentChinese, type ChineseToken } from "./segment.js";
import { CHINESE_STOP_WORDS, QUESTION_STOP_WORDS } from "../text/stop-words.js";
import type { Cedict, ToEnglishOptions } from "./types.js";

/** Senses per Chinese word used, in rounds: every word's main sense comes before any second sense. */
const SENSES = 3;

/**
 * Lowercase English content words glossing a Chinese question (Traditional or Simplified):
 * gazetteer names first, then Latin words and numbers as written, then dictionary glosses sense
 * by sense, and last the pinyin of runs of single characters the dictionary cannot join (likely
 * names, e.g. 沈家湾 → "shenjiawan").
 *
 * @example
 *   translateToEnglish("外資銀行有 9 家", { dict, names }) // → ["9", "foreign", "bank", "funded"]
 */
export function translateToEnglish(
  text: string,
  { dict, names: gazetteer }: { dict: Cedict; names: Gazetteer },
  options: ToEnglishOptions = {},
): string[] {
  const { limit = 30 } = options;
  const words = new Set<string>();
  const add = (english: string): void => {
    for (const word of english.toLowerCase().split(/[^a-z0-9&'’.]+/)) {
      const clean = word.replace(/^['’.]+|['’.]+$/g, "");
      if ((clean.length > 1 || /^\d$/.test(clean)) && !QUESTION_STOP_WORDS.has(clean))
        words.add(clean);
    }
  };
  const names = gazetteer.find(text);
  const nameForms = names.flatMap((name) => name.variants.filter(hasHan).map(toSimplified));
  // The canonical form, other one-word spellings ("Taedok", "ZGC") and extensions of the
  // canonical form ("Yangpu District"); other multi-word variants ("Republic of Korea") would
  // only add generic words.
  for (const name of names) {
    for (const variant of name.variants) {
      if (!hasHan(variant) && (!/\s/.test(variant) || variant.startsWith(name.name))) add(variant);
    }
  }
  const tokens = segmentChinese(toSimplified(text), (w) => dict.words.has(w), dict.maxWordLength);
  for (const token of tokens) if (token.kind === "latin") add(token.text);
  const content = tokens.filter(
    (t) =>
      t.kind === "word" &&
      !CHINESE_STOP_WORDS.has(t.text) &&
      !nameForms.some((form) => form.includes(t.text)),
  );
  for (let sense = 0; sense < SENSES; sense++) {
    // Single characters are ambiguous: their senses come a round later than those of words.
    for (const token of content) {
      const glosses = dict.words.get(token.text)?.glosses ?? [];
      const index = token.text.length === 1 ? sense - 1 : sense;
      const gloss = glosses[index];
      // Later senses only when short: "bring forth new ideas" adds noise, not recall.
      if (index >= 0 && gloss && (index === 0 || gloss.split(" ").length <= 2)) add(gloss);
    }
  }
  for (const run of singleCharacterRuns(tokens)) add(pinyinOf(run));
  return [...words].slice(0, limit);
}

/** Runs of two or more single-character content tokens: names the dictionary does not have. */
function singleCharacterRuns(tokens: readonly ChineseToken[]): string[] {
  const runs: string[] = [];
  let run = "";
  for (const token of [...tokens, { text: "", kind: "other" as const }]) {
    const single =
      (token.kind === "word" || token.kind === "unknown") &&
      token.text.length === 1 &&
      !CHINESE_STOP_WORDS.has(token.text);
    if (single) run += token.text;
    else {
      if (run.length >= 2 && run.length <= 4) runs.push(run);
      run = "";
    }
  }
  return runs;
}
