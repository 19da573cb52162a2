import { displayDocument, displaySlice } from "../ingest/display.js";

/**
 * Whether `quote` is the display text of raw `[start, end)` — the source's characters, with only
 * wrapped lines joined, hyphenation undone, markup and footnote markers dropped and compatibility
 * ideographs unified (see `ingest/display.ts`). Every quote passes this before it leaves the server.
 *
 * @example
 *   verifyQuote("The develop-\nment of ZGC.", 4, 17, "development") // → true
 *   verifyQuote("不過，和台灣", 0, 6, "不過,和台灣") // → false: the source has "，"
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
  const shown = displaySlice(displayDocument(raw), start, end);
  return shown !== null && shown.text === quote;
}
