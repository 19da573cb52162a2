/** First and last page of a range; `last` is null for a single page or an unparsable range. */
export interface PageRange {
  first: string;
  last: string | null;
}

/**
 * Splits a page range written with a hyphen, en dash or em dash.
 *
 * @example
 *   splitPages("167-184"); // { first: "167", last: "184" }
 */
export function splitPages(pages: string): PageRange {
  const match = /^\s*([^\s\-–—]+)\s*[-–—]+\s*([^\s\-–—]+)\s*$/.exec(pages);
  if (!match) return { first: pages.trim(), last: null };
  return { first: match[1] ?? "", last: match[2] ?? null };
}

/**
 * How the second number of a range is shortened: "full" (APA), "chicago" (CMOS 17 §9.64:
 * 101–8, 321–28, 1496–500) or "mla" (MLA 9: last two digits unless more are needed: 107–09).
 */
export type RangeAbbreviation = "full" | "chicago" | "mla";

/**
 * Formats a page range with an en dash, abbreviating the second number per style.
 *
 * @example
 *   formatPageRange("167-184", "full");    // "167–184"
 *   formatPageRange("167-184", "chicago"); // "167–84"
 *   formatPageRange("107-109", "mla");     // "107–09"
 */
export function formatPageRange(pages: string, abbreviation: RangeAbbreviation): string {
  const { first, last } = splitPages(pages);
  if (last === null) return first;
  return `${first}–${abbreviation === "full" ? last : shortenSecond(first, last, abbreviation)}`;
}

function shortenSecond(first: string, last: string, abbreviation: "chicago" | "mla"): string {
  const from = Number(first);
  const to = Number(last);
  // Roman numerals, "e12" and ranges of different length are left alone.
  if (!/^\d+$/.test(first) || !/^\d+$/.test(last) || first.length !== last.length || to <= from)
    return last;
  if (abbreviation === "chicago" && (from < 100 || from % 100 === 0)) return last;
  const firstDiff = [...last].findIndex((digit, index) => digit !== first[index]);
  let changed = last.slice(firstDiff);
  if (abbreviation === "mla") return last.slice(Math.min(firstDiff, last.length - 2));
  // Chicago: 101–109 style keeps only the changed digits, without leading zeros; otherwise at least two digits.
  if (from % 100 < 10) return String(Number(changed));
  if (changed.length < 2) changed = last.slice(-2);
  return changed;
}
