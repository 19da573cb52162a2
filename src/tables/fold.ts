import { toSimplified } from "../lexicon/fold.js";

const cache = new Map<string, string>();

/**
 * The matching form of text: the shared script fold ({@link toSimplified}: NFKC, Traditional to
 * Simplified), then lower case, digit groups merged, curly quotes and dashes made plain. For
 * comparison only; displayed text keeps the raw form.
 *
 * @example
 *   fold("東莞 Foreign–affiliated 1,132") // → "东莞 foreign-affiliated 1132"
 */
export function fold(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = toSimplified(text)
    .toLowerCase()
    .replace(/(\d)[,，](?=\d{3}(?!\d))/gu, "$1")
    .replace(/[‘’′]/gu, "'")
    .replace(/[‐‑‒–—−]/gu, "-");
  if (cache.size > 50_000) cache.clear();
  cache.set(text, out);
  return out;
}
