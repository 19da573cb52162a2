import { makeQuote } from "../../answer/quote.js";
import type { Chunk } from "../../chunks/types.js";
import type { CatalogEntry, Locator } from "../../cite/index.js";
import { z } from "zod";
import { AppError } from "../../errors.js";
import { wholeNumber } from "../query.js";
import { citedWork, locatorOf } from "../cite-out.js";
import type { ReadyState } from "../state.js";

/** Query parameters giving raw offsets of a quote inside a passage (both or neither), for `/api/cite` and `/p/:id`. */
export const QuoteRangeQuery = z.object({
  start: wholeNumber("start", 0, Number.MAX_SAFE_INTEGER).optional(),
  end: wholeNumber("end", 0, Number.MAX_SAFE_INTEGER).optional(),
});
export type QuoteRange = z.infer<typeof QuoteRangeQuery>;

/** A verified quotation: `text` is the cleaned text of exactly `raw.slice(start, end)`. */
export interface Quote {
  text: string;
  start: number;
  end: number;
}

/** A passage resolved for citing: its neighbours, raw file text, catalog entry, locator and quote. */
export interface CitedPassage {
  chunk: Chunk;
  previous: Chunk | null;
  next: Chunk | null;
  /** The text the offsets point into (for PDFs, the extracted text). */
  raw: string;
  /** The cited work: the chapter holding the passage, or the document. */
  entry: CatalogEntry;
  /** The document's own catalog entry. */
  document: CatalogEntry;
  quote: Quote | null;
  locator: Locator;
}

/**
 * The quote of `[start, end)` in a passage: the range must lie inside the passage; it is widened to
 * whole sentences (in prose) and quoted in display text (400 when it shows nothing).
 *
 * @example
 *   quoteIn(chunk, raw, 1200, 1290); // { text: "Beijing hosts …", start: 1187, end: 1290 }
 */
export function quoteIn(chunk: Chunk, raw: string, start: number, end: number): Quote {
  if (!(chunk.start <= start && start < end && end <= chunk.end))
    throw new AppError(
      "invalid_request",
      `start and end must satisfy ${chunk.start} ≤ start < end ≤ ${chunk.end} (the passage's raw span).`,
    );
  const q = makeQuote(raw, start, end);
  if (!q)
    throw new AppError(
      "invalid_request",
      `The range [${start}, ${end}) holds no text that can be quoted.`,
    );
  return { text: q.quote, start: q.start, end: q.end };
}

/**
 * Resolves a passage id (404 when unknown) and an optional quote range (400 when invalid) for
 * `/api/cite` and the passage page.
 *
 * @example
 *   citePassage(state, "p1a2b3c4d5e6f", { start: 1200, end: 1290 }).locator; // { section: "12.2", … }
 */
export function citePassage(s: ReadyState, id: string, range: QuoteRange = {}): CitedPassage {
  const found = s.qa.passage(id);
  if (!found) throw new AppError("not_found", `No passage with id "${id}".`);
  const { chunk, previous, next } = found;
  if ((range.start === undefined) !== (range.end === undefined))
    throw new AppError("invalid_request", "Give both start and end, or neither.");
  const raw = s.rawTexts.get(chunk.source) ?? "";
  const quote =
    range.start !== undefined && range.end !== undefined
      ? quoteIn(chunk, raw, range.start, range.end)
      : null;
  const start = quote?.start ?? chunk.start;
  const locator = locatorOf(s, {
    passageId: chunk.id,
    source: chunk.source,
    start,
    end: quote?.end ?? chunk.end,
    section: chunk.section,
  });
  const entry = citedWork(s, { docId: chunk.docId, source: chunk.source, start });
  return { chunk, previous, next, raw, entry, document: s.entryFor(chunk.docId), quote, locator };
}
