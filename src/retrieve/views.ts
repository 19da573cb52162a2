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
const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/gu;

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
