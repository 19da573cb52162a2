/** Raw lines with offsets, the unit every table layout is read from. */

/** One line of the raw file: `[start, end)` without the line break, and its text. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits `raw` into lines, keeping offsets (a `\r` before `\n` stays out of the line).
 *
 * @example
 *   rawLines("a\r\nbc")[1] // → { start: 3, end: 5, text: "bc" }
 */
export function rawLines(raw: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  for (;;) {
    const nl = raw.indexOf("\n", at);
    const stop = nl < 0 ? raw.length : nl;
    const end = stop > at && raw.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ start: at, end, text: raw.slice(at, end) });
    if (nl < 0) return lines;
    at = nl + 1;
  }
}

/**
 * True for an empty or whitespace-only line.
 *
 * @example
 *   isBlank({ start: 0, end: 2, text: " \t" }) // → true
 */
export function isBlank(line: Line): boolean {
  return line.text.trim() === "";
}
