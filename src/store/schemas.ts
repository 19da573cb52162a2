import { z } from "zod";
import { LANGUAGES } from "../chunks/types.js";
import { BLOCK_KINDS } from "../ingest/types.js";

const offset = z.number().int().min(0);

/**
 * The shape a loaded `chunks.json` must have: what the server reads of each passage is present and
 * typed. Loose: fields a later build adds are kept, not refused.
 */
export const ChunksFileSchema = z.array(
  z.looseObject({
    id: z.string().min(1),
    docId: z.string().min(1),
    source: z.string().min(1),
    kind: z.enum(BLOCK_KINDS),
    lang: z.enum(LANGUAGES),
    section: z.string().nullable(),
    sectionNumber: z.string().nullable(),
    sectionPath: z.array(z.string()),
    sectionNumbers: z.array(z.string().nullable()),
    page: z.number().nullable(),
    paragraph: z.number(),
    start: offset,
    end: offset,
    text: z.string(),
    display: z.string(),
    sentences: z.array(
      z.looseObject({
        start: offset,
        end: offset,
        rawStart: offset,
        rawEnd: offset,
        paragraph: z.number(),
      }),
    ),
    seq: z.number(),
  }),
);

/**
 * `lexical.json` and `lexical-gloss.json`: BM25 statistics and postings `term → [[doc, tf], …]`.
 * Each posting's document must be a passage of the index (checked by {@link postingsProblem}, in a
 * plain loop: tens of thousands of tuples are too many for a schema per tuple at every load).
 */
export const LexicalFileSchema = z.looseObject({
  docCount: z.number().int().min(0),
  avgLength: z.number().min(0),
  lengths: z.array(z.number().int().min(0)),
  postings: z.record(z.string(), z.array(z.array(z.number()))),
});

/**
 * What is wrong with the postings of a lexical index over `docCount` passages, or null.
 *
 * @example
 *   postingsProblem({ beij: [[0, 2], [7, 1]] }, 5) // → 'term "beij": passage 7 of 5'
 */
export function postingsProblem(
  postings: Record<string, number[][]>,
  docCount: number,
): string | null {
  for (const term in postings)
    for (const p of postings[term]!) {
      const [doc, tf] = p;
      if (p.length !== 2 || !Number.isInteger(doc) || !Number.isInteger(tf))
        return `term "${term.slice(0, 40)}": a posting is not [passage, count]`;
      if (doc! < 0 || doc! >= docCount)
        return `term "${term.slice(0, 40)}": passage ${doc} of ${docCount}`;
    }
  return null;
}

/** `tables.json`: every table names itself and its document (the rest is read by `tables/`). */
export const TablesFileSchema = z.array(
  z.looseObject({
    id: z.string().min(1),
    docId: z.string().min(1),
    source: z.string().min(1),
    status: z.enum(["parsed", "unparsed"]),
  }),
);
