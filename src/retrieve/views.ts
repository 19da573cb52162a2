import { z } from "zod";
import type { Chunk } from "../chunks/types.js";
import type { Table } from "../tables/types.js";
import { matchForm } from "../text/fold.js";
import { tokenize } from "../text/tokens.js";

/** A text in matching form: its tokens and its folded string (for Chinese and multi-word forms). */
export interface TextView {
  tokens: ReadonlySet<string>;
  folded: string;
}

/**
 * A sentence of a passage (or a row of a table), ready for matching, with the figures and years it
 * states. `[rawStart, rawEnd)` is what an answer quotes.
 */
export interface SentenceView extends TextView {
  /** Display text: the passage's text over the sentence, or the row's cells. */
  text: string;
  rawStart: number;
  rawEnd: number;
  /** Numbers stated in the body (not in parenthetical references, not footnote markers), digit groups merged. */
  figures: string[];
  /** Four-digit years stated in the body. */
  years: string[];
  /** What a table row is read with: its table's caption and column headings (absent for prose). */
  context?: TextView;
}

/** A passage ready for matching: its text, section title and sentences. */
export interface ChunkView extends TextView {
  section: TextView;
  sentences: SentenceView[];
}

/** Parenthetical references — a name or title with a year: "(Kim, 2001: 36)", "(趙弘, 2005)". */
const REFERENCE =
  /[(（][^()（）]{0,80}?\p{L}[^()（）]{0,80}?(?<!\d)(1[89]\d\d|20\d\d)[a-z]?(?:\s*[:：,]\s*[\d\-–]+)?[^()（）]{0,20}[)）]/gu;
/** A number, unless glued to the word before it (a footnote marker: "conditions.34", "interviews40"). */
const FIGURE = /(?<![\p{Script=Latin}\d.,])\d+(?:[.,]\d+)*/gu;
/** Numbers written as English words ("eleven firms", "four hundred", "a dozen"). */
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|twice|double|triple)s?\b/giu;
/** A four-digit year standing alone (not part of a longer number). */
export const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/gu;

/**
 * Text with parenthetical references blanked: their years date sources, not facts.
 *
 * @example
 *   withoutReferences("grew fast (Kim, 2001: 36) in 1999") // → "grew fast   in 1999"
 */
export const withoutReferences = (text: string): string => text.replace(REFERENCE, " ");

/**
 * The matching view of a text.
 *
 * @example
 *   viewOf("中關村 in 1988").tokens.has("1988") // → true
 */
export function viewOf(text: string): TextView {
  return { tokens: new Set(tokenize(text)), folded: matchForm(text) };
}

/**
 * The matching views of every passage and its sentences, computed once per loaded index. A table
 * passage's sentences are the rows of the tables it holds, matched together with the caption and
 * column headings (a row alone rarely names what it measures).
 *
 * @example
 *   const views = createChunkViews(index.chunks, tables);
 */
export function createChunkViews(
  chunks: readonly Chunk[],
  tables: readonly Table[] = [],
): ChunkView[] {
  return chunks.map((c) => ({
    ...viewOf(`${c.section ?? ""} ${c.text}`),
    section: viewOf(c.section ?? ""),
    sentences: (c.kind === "table" && tableRows(c, tables)) || proseSentences(c),
  }));
}

function sentenceView(
  text: string,
  rawStart: number,
  rawEnd: number,
  context?: string,
): SentenceView {
  const body = withoutReferences(text.normalize("NFKC"));
  return {
    ...viewOf(text),
    ...(context === undefined ? {} : { context: viewOf(context) }),
    text,
    rawStart,
    rawEnd,
    figures: [
      ...(body.match(FIGURE) ?? []).map((n) => n.replace(/,(?=\d{3})/gu, "")),
      ...(body.match(NUMBER_WORD) ?? []).map((w) => w.toLowerCase()),
    ],
    years: [...new Set([...body.matchAll(YEAR)].map((m) => m[1]!))],
  };
}

function proseSentences(c: Chunk): SentenceView[] {
  return c.sentences.map((s) => {
    const text = c.text.slice(s.start, s.end);
    return sentenceView(text, s.rawStart, s.rawEnd);
  });
}

/** Rows of the parsed tables inside a table passage, or null when it holds none. */
function tableRows(c: Chunk, tables: readonly Table[]): SentenceView[] | null {
  const inside = tables.filter(
    (t) => t.source === c.source && t.status === "parsed" && t.start < c.end && c.start < t.end,
  );
  const rows = inside.flatMap((t) => {
    const headings = t.columns.map((col) => col.path.join(" ")).join(" ");
    return t.rows
      .filter((r) => r.start >= c.start && r.end <= c.end)
      .map((r) => {
        const text = t.text
          .slice(r.start - t.start, r.end - t.start)
          .replace(/\s+/gu, " ")
          .trim();
        return sentenceView(text, r.start, r.end, `${t.caption} ${headings} ${r.group ?? ""}`);
      });
  });
  return rows.length ? rows : null;
}

/**
 * Version of what {@link createChunkViews} computes; bumped whenever the tokens, folded forms or
 * sentence facts it derives change, so views stored by an older build are computed again.
 */
export const VIEWS_VERSION = 1;

const StoredTextSchema = z.object({ tokens: z.array(z.string()), folded: z.string() });
const StoredSentenceSchema = StoredTextSchema.extend({
  text: z.string(),
  rawStart: z.number().int().nonnegative(),
  rawEnd: z.number().int().nonnegative(),
  figures: z.array(z.string()),
  years: z.array(z.string()),
  context: StoredTextSchema.optional(),
});
/** The views of an index as written by the build (`views.json`): sets as arrays. */
export const StoredViewsSchema = z.array(
  StoredTextSchema.extend({ section: StoredTextSchema, sentences: z.array(StoredSentenceSchema) }),
);
export type StoredViews = z.infer<typeof StoredViewsSchema>;

const restoredText = (v: z.infer<typeof StoredTextSchema>): TextView => ({
  tokens: new Set(v.tokens),
  folded: v.folded,
});

/**
 * The views as the index stores them (`views.json`: token sets as arrays), so a server reads them
 * instead of analysing every passage again at each load.
 *
 * @example
 *   await writeFile("views.json", viewsJson(createChunkViews(chunks, tables)));
 */
export const viewsJson = (views: readonly ChunkView[]): string =>
  JSON.stringify(views, (_, value: unknown) => (value instanceof Set ? [...value] : value));

/**
 * Views read back from the index, as {@link createChunkViews} made them.
 *
 * @example
 *   const views = restoredViews(StoredViewsSchema.parse(JSON.parse(text)));
 */
export function restoredViews(stored: StoredViews): ChunkView[] {
  return stored.map((v) => ({
    ...restoredText(v),
    section: restoredText(v.section),
    sentences: v.sentences.map((s) => ({
      ...restoredText(s),
      text: s.text,
      rawStart: s.rawStart,
      rawEnd: s.rawEnd,
      figures: s.figures,
      years: s.years,
      ...(s.context ? { context: restoredText(s.context) } : {}),
    })),
  }));
}
