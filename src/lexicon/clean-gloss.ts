/** A dictionary gloss after cleaning: usable English text, or a pointer to another headword. */
export type CleanGloss =
  | { kind: "text"; text: string; qualified: boolean }
  | { kind: "ref"; word: string }
  | { kind: "drop" };

/** Longest gloss kept, in words; longer glosses are explanations rather than translations. */
export const MAX_GLOSS_WORDS = 6;

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const REF =
  /^(?:(?:old|archaic|ancient|erhua|Japanese|euphemistic|also)\s+)?(?:variant of|abbr\.? (?:for|of|to)|see also|see|same as|also written)\b/i;
const REF_TARGET = new RegExp(`([${CJK}]+)(?:\\|([${CJK}]+))?`);
const DROP =
  /^(?:CL:|surname\b|(?:Kangxi )?radical\b|also pr\.|pr\.|Taiwan pr\.|used in\b|component in\b|classifier\b|Japanese variant|old variant|archaic variant|\(onom\.?\)|\(Internet slang\))|\((?:archaic|old|obsolete|dialect|Cantonese|vulgar)\)/i;
// Most glosses are plain words; they skip the slow path below.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ,'.\-]*$/;
const SPECIAL_START =
  /^(?:CL|surname|radical|Kangxi|also|pr|Taiwan|used|component|classifier|Japanese|old|archaic|variant|abbr|see|same|erhua|ancient|euphemistic)\b/i;
const PAREN = /\([^()]*\)/g;
const BRACKET = /\[[^\]]*\]/g;
const CJK_RUN = new RegExp(`[${CJK}]+(?:\\|[${CJK}]+)?`, "g");

/**
 * Cleans one raw CC-CEDICT gloss: drops classifiers, surnames, pronunciation notes and archaic
 * senses; turns "variant of X" / "abbr. for X" into a reference to X; strips parenthetical
 * notes, pinyin and Chinese characters.
 *
 * @example
 *   cleanGloss("(industrial or technology) park") // → { kind: "text", text: "park", qualified: true }
 *   cleanGloss("abbr. for 清華大學|清华大学[Qing1 hua2 Da4 xue2]") // → { kind: "ref", word: "清华大学" }
 */
export function cleanGloss(raw: string): CleanGloss {
  const gloss = raw.trim();
  if (PLAIN.test(gloss) && !SPECIAL_START.test(gloss)) {
    return { kind: "text", text: gloss.replace(/[\s,;:.]+$/, ""), qualified: false };
  }
  if (REF.test(gloss)) {
    const target = REF_TARGET.exec(gloss);
    const word = target?.[2] ?? target?.[1];
    return word ? { kind: "ref", word } : { kind: "drop" };
  }
  if (DROP.test(gloss)) return { kind: "drop" };
  // A note that narrows the sense ("private (army rank)") makes the gloss a weaker translation;
  // one-word register tags ("(Tw)", "(coll.)") do not.
  const qualified = /\([^()]*\s[^()]*\)|\((?:fig|lit|archaic|old)\.?\)/.test(gloss);
  let text = gloss;
  // Nested parentheses: strip innermost first until none are left.
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(PAREN, " ");
  }
  text = text
    .replace(BRACKET, " ")
    .replace(CJK_RUN, " ")
    // "chemical industry, abbr. of 化學工業": the pointer is gone with the characters.
    .replace(
      /[,;]?\s*\b(?:abbr\.?|also written|see also|see|variant of|same as)(?:\s+(?:of|for|to))?\s*$/i,
      "",
    )
    .replace(/[~()[\]|]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.]+|[\s,;:.]+$/g, "");
  return text && /[A-Za-z0-9]/.test(text) ? { kind: "text", text, qualified } : { kind: "drop" };
}

const CONNECTORS = new Set(["of", "and", "the", "for", "de", "on", "in"]);

/**
 * Reduces a proper-noun gloss to the name(s) it gives, dropping the description after it.
 *
 * @example
 *   properNames("Dongguan prefecture-level city in Guangdong") // → ["Dongguan"]
 *   properNames("Xinzhu or Hsinchu city in northern Taiwan") // → ["Xinzhu", "Hsinchu"]
 *   properNames("Bank of China") // → ["Bank of China"]
 */
export function properNames(gloss: string): string[] {
  const firstClause = gloss.split(/[,;:]/)[0] ?? "";
  const names: string[] = [];
  for (const part of firstClause.split(/\s+or\s+/)) {
    const words = part.trim().split(/\s+/);
    const kept: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? "";
      if (/^[A-Z0-9]/.test(word)) kept.push(word);
      else if (kept.length > 0 && CONNECTORS.has(word) && /^[A-Z]/.test(words[i + 1] ?? ""))
        kept.push(word);
      else break;
    }
    if (kept.length > 0) names.push(kept.join(" "));
  }
  return names;
}

/**
 * Number of space-separated words in a cleaned gloss.
 *
 * @example
 *   wordCount("the end of the year") // → 5
 */
export function wordCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}
