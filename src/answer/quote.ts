import { displayDocument, displaySlice, wholeSentenceSpan } from "../ingest/display.js";

/** A verified quotation: `quote` is the display text of exactly `raw.slice(start, end)`. */
export interface MadeQuote {
  quote: string;
  start: number;
  end: number;
}

/**
 * The quotation of raw `[start, end)`, widened to whole sentences: the span's display text — the
 * source's own characters with wrapped lines joined, hyphenation undone, markup and footnote markers
 * left out, compatibility ideographs unified — and its raw extent. A span inside a table (a row, a
 * cell) is quoted as it is. Null when the span shows nothing.
 *
 * The answerer needs no more than this: pass the raw span of the sentences it chose (any span inside
 * them will do); the quote never starts or ends inside a sentence, and `start`/`end` come back as the
 * raw extent of what is quoted. `_display` is not used (it was the answerer's cleaned text, kept for
 * callers' compatibility): the quote always comes from the raw text itself.
 *
 * @example
 *   makeQuote(raw, 120, 240, "")
 *   // { quote: "不過，和台灣新竹科學園區比較，南韓大德卻無法吸引廠商進駐，廠商還是集聚在首爾。", start: 118, end: 161 }
 */
export function makeQuote(
  raw: string,
  start: number,
  end: number,
  _display?: string,
): MadeQuote | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > raw.length)
    return null;
  if (end <= start) return null;
  const doc = displayDocument(raw);
  const slice = displaySlice(doc, ...spanOf(wholeSentenceSpan(doc, start, end)));
  return slice && { quote: slice.text, start: slice.start, end: slice.end };
}

/**
 * Raw `[start, end)` widened to whole sentences (see {@link makeQuote}), for callers that need the
 * span before quoting it.
 *
 * @example
 *   wholeSentences(raw, at("Shenzhen had"), at("Shenzhen had") + 12); // { start: …, end: … }
 */
export function wholeSentences(
  raw: string,
  start: number,
  end: number,
): { start: number; end: number } {
  return wholeSentenceSpan(displayDocument(raw), start, end);
}

const spanOf = (s: { start: number; end: number }) => [s.start, s.end] as const;
