import { verifyQuote } from "./verify.js";

/** Leading/trailing characters a quote should not start or end with: markup and stray brackets. */
const EDGE_MARKUP =
  /^(?:\s|\*{1,2}|_{2}|<\/?[a-z]+[^>]*>|#+\s)+|(?:\s|\*{1,2}|_{2}|<\/?[a-z]+[^>]*>)+$/giu;

/**
 * The light cleaning used when a span holds markup: NFKC, line-break hyphenation undone, whitespace
 * collapsed (none inside Chinese). Markup characters stay, so the quote still matches its span.
 */
export function lightClean(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\u00ad/gu, "")
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, "$1$2")
    .replace(/\s+/gu, " ")
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, "$1")
    .trim();
}

/**
 * A verified quotation of raw `[start, end)`: the display text when it matches the span, otherwise the
 * span lightly cleaned; markup at the edges is trimmed from the span first. Null if nothing verifies.
 *
 * @example
 *   makeQuote(raw, 120, 240, "Beijing hosts 20.4% of internet domain names.")
 */
export function makeQuote(
  raw: string,
  start: number,
  end: number,
  display: string,
): { quote: string; start: number; end: number } | null {
  let s = start;
  let e = end;
  const slice = raw.slice(s, e);
  const lead = /^(?:\s|\*{1,2}|_{2}|<\/?[a-z]+[^>]*>|#+\s)+/iu.exec(slice);
  if (lead) s += lead[0].length;
  const trail = /(?:\s|\*{1,2}|_{2}|<\/?[a-z]+[^>]*>)+$/iu.exec(raw.slice(s, e));
  if (trail) e -= trail[0].length;
  if (e <= s) return null;
  const candidates = [display.replace(EDGE_MARKUP, ""), lightClean(raw.slice(s, e))];
  for (const quote of candidates)
    if (quote && verifyQuote(raw, s, e, quote)) return { quote, start: s, end: e };
  return null;
}
