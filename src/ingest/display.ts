import { indexRange } from "./mapped-builder.js";
import { pageStartsOf, PAGE_SEPARATOR } from "./pages.js";
import { segmentDocument } from "./segment.js";
import { splitSentences } from "./sentences.js";
import type { Block, MappedText } from "./types.js";

/**
 * A raw text read for display: its display text and blocks, and the raw spans of its whole sentences
 * (prose blocks only; a "；" does not end a sentence here). Derived from the raw text alone, so any
 * stage holding the text of a corpus file can quote from it.
 */
export interface DisplayDocument {
  display: MappedText;
  blocks: Block[];
  /** Raw `[start, end)` of each whole sentence of prose, in order. */
  sentences: Array<{ start: number; end: number }>;
  /** Raw start offsets of PDF pages (text built by `joinPages`); empty for text files. */
  pageStarts: number[];
}

const PROSE = new Set(["paragraph", "footnote", "caption", "references"]);
const cache = new Map<string, DisplayDocument>();
const CACHE_SIZE = 16;

/**
 * The display reading of a raw corpus text (segmented once, then remembered for the same text).
 *
 * @example
 *   const doc = displayDocument(raw);
 *   displaySlice(doc, 120, 240)?.text; // "不過，和台灣新竹科學園區比較，南韓大德卻無法吸引廠商進駐…"
 */
export function displayDocument(raw: string): DisplayDocument {
  const hit = cache.get(raw);
  if (hit) return hit;
  const pageStarts = raw.includes(PAGE_SEPARATOR) ? pageStartsOf(raw) : [];
  const { display, blocks } = segmentDocument(raw, pageStarts);
  const sentences = blocks
    .filter((b) => PROSE.has(b.kind))
    .flatMap((b) => splitSentences(display.text, b.displayStart, b.displayEnd, { clauses: false }))
    .map((s) => ({ start: display.starts[s.start]!, end: display.ends[s.end - 1]! }));
  const doc = { display, blocks, sentences, pageStarts };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(raw, doc);
  return doc;
}

/**
 * The display text of raw `[start, end)`: the display characters that came from inside the span,
 * without surrounding whitespace, and the raw extent of the first and last of them. Null when the
 * span holds nothing shown (markup, a footnote marker, whitespace).
 *
 * @example
 *   displaySlice(displayDocument("42.0\n％ of firms."), 0, 16); // { text: "42.0％ of firms.", start: 0, end: 16 }
 */
export function displaySlice(
  doc: DisplayDocument,
  start: number,
  end: number,
): { text: string; start: number; end: number } | null {
  const { display } = doc;
  let { from, to } = indexRange(display, start, end);
  while (from < to && /\s/u.test(display.text.charAt(from))) from++;
  while (to > from && /\s/u.test(display.text.charAt(to - 1))) to--;
  if (to <= from) return null;
  return {
    text: display.text.slice(from, to),
    start: display.starts[from]!,
    end: display.ends[to - 1]!,
  };
}

/**
 * Raw `[start, end)` widened so that it neither starts nor ends inside a sentence of prose. Spans in
 * tables (rows, cells) are kept as they are.
 *
 * @example
 *   wholeSentenceSpan(doc, at("and Shenzhen had"), at("had") + 3); // the whole sentence around it
 */
export function wholeSentenceSpan(
  doc: DisplayDocument,
  start: number,
  end: number,
): { start: number; end: number } {
  const { sentences } = doc;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let s = start;
  let e = end;
  const first = sentences[lo];
  if (first && first.start < start && start < first.end) s = first.start;
  for (let i = lo; i < sentences.length && sentences[i]!.start < end; i++)
    if (sentences[i]!.end > end) e = sentences[i]!.end;
  return { start: s, end: e };
}
