/**
 * Markup left by PDF-to-Markdown conversion that must not reach indexed or displayed text:
 * HTML tags, emphasis markers, heading hashes, backslash escapes and autolink brackets.
 * Each match is dropped, except the escaped character of a backslash escape, which is kept.
 */
const MARKUP =
  /<\/?(?:b|i|u|em|strong|sup|sub|br|span|p|div|small|mark)\b[^>]*>|\*\*|__|(?<![\p{L}\p{N}*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\p{L}\p{N}*])|\\(?=[*_$#[\]()<>`])|<(?=https?:|mailto:)|(?<=^|\s)>(?=\s|$)/gu;
const AUTOLINK_CLOSE = /(?<=(?:https?:|mailto:)[^\s<>]*)>/gu;
const HEADING_HASHES = /^\s{0,3}#{1,6}\s+/u;

/** `[start, end)` ranges (relative to `line`) of markup to drop. */
export function markupRanges(line: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const hashes = HEADING_HASHES.exec(line);
  if (hashes) ranges.push([0, hashes[0].length]);
  for (const re of [MARKUP, AUTOLINK_CLOSE]) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (hashes && m.index < hashes[0].length) continue;
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * A line with its markup removed (for classification and display).
 *
 * @example
 *   stripMarkup("**Table 2.** Sample <b>test</b>") // → "Table 2. Sample test"
 */
export function stripMarkup(line: string): string {
  let out = "";
  let at = 0;
  for (const [s, e] of markupRanges(line)) {
    if (s < at) continue;
    out += line.slice(at, s);
    at = e;
  }
  return out + line.slice(at);
}
