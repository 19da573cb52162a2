import * as OpenCC from "opencc-js";

let toSimplified: ((text: string) => string) | null = null;
const cache = new Map<string, string>();

/**
 * The matching form of text: NFKC (compatibility ideographs such as U+F9EA, full-width forms),
 * Traditional folded to Simplified (Taiwan phrasing included), lower case, digit groups merged,
 * curly quotes and dashes made plain. For comparison only; displayed text keeps the raw form.
 *
 * @example
 *   fold("東莞 Foreign–affiliated 1,132") // → "东莞 foreign-affiliated 1132"
 */
export function fold(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  // The converter builds its dictionaries on first use, so it is created lazily.
  toSimplified ??= OpenCC.Converter({ from: "twp", to: "cn" });
  const out = toSimplified(text.normalize("NFKC").toLowerCase())
    .replace(/(\d)[,，](?=\d{3}(?!\d))/gu, "$1")
    .replace(/[‘’′]/gu, "'")
    .replace(/[‐‑‒–—−]/gu, "-");
  if (cache.size > 50_000) cache.clear();
  cache.set(text, out);
  return out;
}
