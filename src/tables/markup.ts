/**
 * Markup removal for table text that keeps raw offsets. Unlike ingest's stripper, footnote markers
 * (`<sup>a</sup>`) are dropped with their content: in a header they are not part of the label.
 */

/** Footnote markers, tags, bold/italic asterisks and the escape backslash of `\*`. */
const MARKUP = /<sup>[^<]{0,12}<\/sup>|<\/?[a-z]+\b[^>]*>|\*{1,2}|\\(?=[*_$#[\]()])/giu;

/** Text with markup removed, and the raw span of what is left (trimmed). */
export interface CleanText {
  text: string;
  start: number;
  end: number;
}

/**
 * Removes markup from `raw.slice(start, end)`, trims it and collapses inner whitespace.
 * The returned span covers the first to the last kept character; empty text gives `start === end`.
 *
 * @example
 *   const raw = "x<b>Region (hardware)</b>\t";
 *   cleanSpan(raw, 1, raw.length - 1) // → { text: "Region (hardware)", start: 4, end: 21 }
 */
export function cleanSpan(raw: string, start: number, end: number): CleanText {
  const slice = raw.slice(start, end);
  const keep = new Array<boolean>(slice.length).fill(true);
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(slice); m; m = MARKUP.exec(slice)) {
    for (let i = m.index; i < m.index + m[0].length; i++) keep[i] = false;
  }
  let first = -1;
  let last = -1;
  let text = "";
  for (let i = 0; i < slice.length; i++) {
    if (!keep[i]) continue;
    const ch = slice[i] ?? "";
    if (/\s/u.test(ch)) {
      if (first >= 0 && !text.endsWith(" ")) text += " ";
      continue;
    }
    if (first < 0) first = i;
    last = i;
    text += ch;
  }
  if (first < 0) return { text: "", start, end: start };
  return { text: tidy(text), start: start + first, end: start + last + 1 };
}

/**
 * Removes markup from a whole string (no offsets), e.g. a caption or note line.
 *
 * @example
 *   cleanText("**Table 2.** Sample test") // → "Table 2. Sample test"
 */
export function cleanText(text: string): string {
  return cleanSpan(text, 0, text.length).text;
}

/** Re-joins words a line break split at a hyphen ("Foreign- affiliated" → "Foreign-affiliated"). */
function tidy(text: string): string {
  return text.trim().replace(/(\p{L})- (?=\p{Ll})/gu, "$1-");
}
