import type { Citation } from "../answer/types.js";
import { verifyQuote } from "../answer/verify.js";
import type { Chunk } from "../chunks/types.js";
import {
  formatInText,
  formatLocator,
  formatReference,
  type CitationStyle,
  type InTextStyle,
  type Locator,
} from "../cite/index.js";
import { pageAt, pageStartsOf } from "../ingest/pages.js";
import type { Table } from "../tables/types.js";
import type { ReadyState } from "./state.js";

/**
 * A citation as the API returns it: the verified quote plus a display locator (with the section title),
 * its parts, a formatted reference, the in-text form and the passage view that highlights the quote.
 */
export type CitationOut = Citation & {
  locator: string;
  locatorDetail: Locator;
  reference: string;
  inText: string | null;
  view: string | null;
};

/** What a locator is computed from: the passage and the raw offset where the cited text starts. */
export type CitedAt = Pick<Citation, "passageId" | "source" | "start" | "section">;

const TABLE_LABEL = /^(Table|表)/iu;

/** Page starts of each PDF's extracted text, per loaded state (text files have none). */
const pageStartsCache = new WeakMap<ReadyState, Map<string, number[]>>();

function pageStartsFor(s: ReadyState, source: string): number[] {
  if (!/\.pdf$/iu.test(source)) return [];
  let bySource = pageStartsCache.get(s);
  if (!bySource) pageStartsCache.set(s, (bySource = new Map()));
  let starts = bySource.get(source);
  if (!starts) bySource.set(source, (starts = pageStartsOf(s.rawTexts.get(source) ?? "")));
  return starts;
}

/** The label of the extracted table whose raw span holds offset `at`, if any. */
function tableAt(s: ReadyState, source: string, at: number): string | null {
  return (
    (s.tables as Table[]).find((t) => t.source === source && t.start <= at && at < t.end)?.label ??
    null
  );
}

/**
 * A heading without its number: "12.2. R&D input" → "R&D input", "一、產業發展" → "產業發展"; the whole
 * heading when it does not start with the number, null when nothing else is left.
 */
export function headingTitle(heading: string | null, number: string | null): string | null {
  if (!heading) return null;
  if (!number) return heading;
  // Numbers are rebuilt in full-width form ("（一）") while headings are NFKC ("(一)"): compare folded.
  const folded = heading.normalize("NFKC");
  const prefix = number.normalize("NFKC");
  if (!folded.startsWith(prefix)) return heading;
  return (
    folded
      .slice(prefix.length)
      .replace(/^[\s.、:)]+/u, "")
      .trim() || null
  );
}

/**
 * 1-based paragraph, within its section, of the sentence of `chunk` holding raw offset `at`.
 *
 * @example
 *   paragraphAt(chunk, chunk.sentences[4].rawStart); // 3
 */
export function paragraphAt(chunk: Chunk, at: number): number {
  const sentence = chunk.sentences.find((x) => x.rawEnd > at) ?? chunk.sentences[0];
  return sentence?.paragraph ?? chunk.paragraph;
}

/**
 * Where cited text sits: section number and title; the page for PDFs (of the cited text, which may
 * be later than the passage's first page); the table label for table text; otherwise the paragraph
 * within the section.
 *
 * @example
 *   locatorOf(state, citation); // { section: "1", sectionTitle: "Science parks", page: 2, table: null, paragraph: null }
 */
export function locatorOf(s: ReadyState, c: CitedAt): Locator {
  const chunk = s.qa.passage(c.passageId)?.chunk;
  // A table-cell citation names its table; text of a table passage is placed by the extracted tables' spans.
  const labelled = TABLE_LABEL.test(c.section ?? "") ? c.section : null;
  const table =
    labelled ?? (!chunk || chunk.kind === "table" ? tableAt(s, c.source, c.start) : null);
  const page = pageAt(pageStartsFor(s, c.source), c.start) ?? chunk?.page ?? null;
  if (!chunk)
    return { section: null, sectionTitle: table ? null : c.section, page, table, paragraph: null };
  return {
    section: chunk.sectionNumber,
    sectionTitle: headingTitle(chunk.section, chunk.sectionNumber),
    page,
    table,
    paragraph: page === null && !table ? paragraphAt(chunk, c.start) : null,
  };
}

/** Whether the citation's quote is the raw text at its span: the last check before a quote leaves the server. */
export function isVerified(
  s: ReadyState,
  c: Pick<Citation, "source" | "start" | "end" | "quote">,
): boolean {
  const raw = s.rawTexts.get(c.source);
  return raw !== undefined && verifyQuote(raw, c.start, c.end, c.quote);
}

/** The passage view of a citation, highlighting the quote when it lies inside the passage. */
export function viewUrl(s: ReadyState, c: Pick<Citation, "passageId" | "start" | "end">): string {
  const chunk = s.qa.passage(c.passageId)?.chunk;
  const base = `/p/${encodeURIComponent(c.passageId)}`;
  return chunk && chunk.start <= c.start && c.end <= chunk.end
    ? `${base}?start=${c.start}&end=${c.end}`
    : base;
}

/**
 * Drops any citation whose quote does not verify against its raw span, then adds the locator, the
 * reference (APA unless another style is asked for), the in-text form and the passage view.
 *
 * @example
 *   citationsOut(state, answer.citations, "mla")[0]?.inText; // "(Chen 12)"
 */
export function citationsOut(
  s: ReadyState,
  citations: Citation[],
  style: CitationStyle = "apa",
): CitationOut[] {
  return citations
    .filter((c) => isVerified(s, c))
    .map((c) => {
      const entry = s.entryFor(c.docId);
      const locator = locatorOf(s, c);
      const inTextStyle: InTextStyle | null = style === "ris" ? null : style;
      return {
        ...c,
        locator: formatLocator(locator, { withTitle: true }),
        locatorDetail: locator,
        reference: formatReference(entry, style),
        inText: inTextStyle ? formatInText(entry, inTextStyle, locator) : null,
        view: c.passageId ? viewUrl(s, c) : null,
      };
    });
}
