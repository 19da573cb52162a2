import type { Citation } from "../answer/types.js";
import { verifyQuote } from "../answer/verify.js";
import type { Chunk } from "../chunks/types.js";
import { chapterAt, citedEntry } from "../cite/chapters.js";
import {
  formatInText,
  formatLocator,
  formatReference,
  type CatalogEntry,
  type CitationStyle,
  type InTextStyle,
  type Locator,
} from "../cite/index.js";
import { chineseSection, headingTitle } from "../cite/locator.js";
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

/** What a locator is computed from: the passage and the raw span of the cited text. */
export { headingTitle };

export type CitedAt = Pick<Citation, "passageId" | "source" | "start" | "section"> &
  Partial<Pick<Citation, "end">>;

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
 * The number of the footnote holding raw offset `at` in a footnote passage: the last note number
 * opening a note at or before the cited sentence ("3 Interviews in Haidian, 1996…").
 *
 * @example
 *   noteAt(chunk, chunk.sentences[0].rawStart); // "3"
 */
export function noteAt(chunk: Chunk, at: number): string | null {
  const i = chunk.sentences.findIndex((x) => x.rawEnd > at);
  const upTo = i >= 0 ? chunk.text.slice(0, chunk.sentences[i]!.end) : chunk.text;
  const notes = [...upTo.matchAll(/(?:^|\n\n)(\d{1,3})\s/gu)];
  return notes.length ? notes[notes.length - 1]![1]! : null;
}

/**
 * Where cited text sits, so a reader can find it: the page (and last page) where the text has pages
 * (PDFs); the table label for table text; otherwise the section as the document heads it and the
 * paragraph within that section. Chinese text is located in Chinese (第三節（一）, 第2段); a chapter
 * cited as a chapter is not named again in the locator.
 *
 * @example
 *   locatorOf(state, citation); // { section: "12.2", sectionTitle: "R&D input", page: null, table: null, paragraph: 3, lang: "en" }
 */
export function locatorOf(s: ReadyState, c: CitedAt): Locator {
  const chunk = s.qa.passage(c.passageId)?.chunk;
  // A table-cell citation names its table; text of a table passage is placed by the extracted tables' spans.
  const labelled = TABLE_LABEL.test(c.section ?? "") ? c.section : null;
  const table =
    labelled ?? (!chunk || chunk.kind === "table" ? tableAt(s, c.source, c.start) : null);
  const starts = pageStartsFor(s, c.source);
  const page = pageAt(starts, c.start) ?? chunk?.page ?? null;
  const last = c.end !== undefined && c.end > c.start ? pageAt(starts, c.end - 1) : null;
  const pageEnd = page !== null && last !== null && last > page ? last : null;
  if (!chunk)
    return {
      section: null,
      sectionTitle: table ? null : c.section,
      page,
      pageEnd,
      table,
      paragraph: null,
    };
  const raw = s.rawTexts.get(c.source) ?? "";
  const inChapter = chapterAt(s.entryFor(chunk.docId), raw, c.start) !== null;
  const heading = chunk.section;
  const zh = heading ? /\p{Script=Han}/u.test(heading) : chunk.lang === "zh";
  const title = headingTitle(heading, chunk.sectionNumber);
  const section = zh
    ? chineseSection(chunk.sectionNumbers ?? [chunk.sectionNumber], { withoutChapter: inChapter })
    : chunk.sectionNumber;
  const note = chunk.kind === "footnote" ? noteAt(chunk, c.start) : null;
  // A table is found by its label, a note by its number; the section adds nothing a reader needs.
  return {
    section: table ? null : section,
    sectionTitle: table ? null : title,
    page,
    pageEnd,
    table,
    ...(note ? { note } : {}),
    paragraph: page === null && !table && !note ? paragraphAt(chunk, c.start) : null,
    lang: zh ? "zh" : "en",
  };
}

/**
 * The work a citation cites: the chapter holding its text when the document's chapters carry their
 * own bylines, else the document.
 *
 * @example
 *   citedWork(state, { docId: "bohai-rim-science-parks-report", source: "…", start: 20_000 }).type; // "chapter"
 */
export function citedWork(
  s: ReadyState,
  c: Pick<Citation, "docId" | "source" | "start">,
): CatalogEntry {
  return citedEntry(s.entryFor(c.docId), s.rawTexts.get(c.source) ?? "", c.start);
}

/** The name shown for a work: its original-script title, title or description. */
export const workTitle = (entry: CatalogEntry, fallback: string): string =>
  entry.originalTitle ?? entry.title ?? entry.description ?? fallback;

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
      const entry = citedWork(s, c);
      const locator = locatorOf(s, c);
      const inTextStyle: InTextStyle | null = style === "ris" ? null : style;
      return {
        ...c,
        // A chapter cited as a chapter is named by its own title.
        title: entry.type === "chapter" ? workTitle(entry, c.title) : c.title,
        locator: formatLocator(locator, { withTitle: true }),
        locatorDetail: locator,
        reference: formatReference(entry, style),
        inText: inTextStyle ? formatInText(entry, inTextStyle, locator) : null,
        view: c.passageId ? viewUrl(s, c) : null,
      };
    });
}
