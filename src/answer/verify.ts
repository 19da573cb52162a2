/**
 * The comparison key of a quotation: compatibility forms folded (NFKC), and whitespace, soft hyphens
 * and hyphens/dashes removed — the only differences between a raw span and its cleaned display text
 * besides dropped markup, which quotes never cross (see `quote.ts`).
 *
 * @example
 *   quoteKey("develop-\nment") === quoteKey("development") // → true
 */
export const quoteKey = (s: string): string =>
  s.normalize("NFKC").replace(/[\s\u00ad\-\u2010-\u2015]/gu, "");

/**
 * Whether `quote` is the text at `[start, end)` of `raw`. Every quote passes this before it leaves the server.
 *
 * @example
 *   verifyQuote("The develop-\nment of ZGC.", 4, 17, "development") // → true
 */
export function verifyQuote(raw: string, start: number, end: number, quote: string): boolean {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > raw.length ||
    start >= end
  )
    return false;
  const key = quoteKey(quote);
  return key.length > 0 && key === quoteKey(raw.slice(start, end));
}
