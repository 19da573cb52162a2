/** Number parsing for table cells. */

/** A parsed cell number; `percent` when the cell itself carries a % sign. */
export interface ParsedNumber {
  value: number;
  percent: boolean;
  /** Digits after the decimal point, for rounding tolerances. */
  decimals: number;
}

const NUMBER =
  /^(?<open>[(（])?\s*(?<sign>[-−–+])?\s*(?<int>\d{1,3}(?:[,，]\d{3})+|\d+)?(?<frac>\.\d+)?\s*(?<pct>[%％])?\s*(?<close>[)）])?$/u;

/** Cells that stand for "no value". */
const MISSING = /^(?:[-−–—―]+|n\/?a|na|…|\.\.\.|無)$/iu;

/**
 * Parses a cell's text as a number: thousands separators, %, signs (including U+2212 minus),
 * decimals, and parentheses for negatives. Returns null for anything else.
 *
 * @example
 *   parseNumber("1,132")   // → { value: 1132, percent: false, decimals: 0 }
 *   parseNumber("−1.55")   // → { value: -1.55, percent: false, decimals: 2 }
 *   parseNumber("55.97%")  // → { value: 55.97, percent: true, decimals: 2 }
 *   parseNumber("(3.2)")   // → { value: -3.2, percent: false, decimals: 1 }
 */
export function parseNumber(text: string): ParsedNumber | null {
  const m = NUMBER.exec(text.normalize("NFKC").trim());
  const g = m?.groups;
  if (!g || (g.int === undefined && g.frac === undefined)) return null;
  if (Boolean(g.open) !== Boolean(g.close)) return null;
  const digits = `${(g.int ?? "0").replace(/[,，]/gu, "")}${g.frac ?? ""}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (g.open || (g.sign && g.sign !== "+")) value = -value;
  return { value, percent: Boolean(g.pct), decimals: g.frac ? g.frac.length - 1 : 0 };
}

/**
 * True for cells that mark a missing value ("—", "-", "n/a").
 *
 * @example
 *   isMissing("—") // → true
 */
export function isMissing(text: string): boolean {
  return MISSING.test(text.trim());
}

/**
 * True for a bare four-digit year between 1900 and 2099 (a row or column key, not a value).
 *
 * @example
 *   isYear("2007") // → true
 *   isYear("2578") // → false
 */
export function isYear(text: string): boolean {
  return /^\s*(?:19|20)\d{2}\s*$/u.test(text);
}
