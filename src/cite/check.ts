import { displayDocument, displaySlice, type DisplayDocument } from "../ingest/display.js";
import { noteMarkers } from "../ingest/footnotes.js";
import { splitLines } from "../ingest/lines.js";
import { paragraphNumbers } from "../ingest/paragraphs.js";
import { pageAt } from "../ingest/pages.js";
import type { Block } from "../ingest/types.js";
import { chapterStarts } from "./chapters.js";
import { chineseSection, headingTitle } from "./locator.js";
import type { CatalogEntry, Locator } from "./types.js";

/** The parts of a returned citation the checks read (the `/api/ask` citation fields). */
export interface CheckedCitation {
  quote: string;
  start: number;
  end: number;
  locatorDetail: Locator;
  inText?: string | null;
}

/** Where a reader looks for the locator: the cited chapter's raw range, else the whole file. */
export interface CheckScope {
  start: number;
  end: number;
  /** The cited work is a chapter, so Chinese locators leave the chapter number out. */
  chapter: boolean;
}

/** The outcome of {@link checkCitation}: `problems` says what failed, in words. */
export interface CitationCheck {
  ok: boolean;
  problems: string[];
}

/** Full-width punctuation a quote must keep as the source has it (never folded to ASCII). */
const WIDE_PUNCTUATION = [..."，。、；：！？（）「」『』％《》〈〉—"];

/**
 * Checks a citation as a reader would: the quote is the display text of its raw span (the source's
 * characters, lines joined, markup and note markers out); it keeps every full-width mark the span has
 * (no "," for "，", no "%" for "％"); no footnote number of the span is left glued to a word as ASCII
 * digits; no Markdown emphasis or HTML tags; the locator leads to a paragraph (or page, or table)
 * holding the cited text, and only one; the in-text form shows no bare Chinese section numeral.
 *
 * @example
 *   checkCitation(raw, citation).problems; // [] when everything holds
 */
export function checkCitation(
  raw: string,
  c: CheckedCitation,
  scope: CheckScope = { start: 0, end: raw.length, chapter: false },
): CitationCheck {
  const problems: string[] = [];
  const doc = displayDocument(raw);
  const span = raw.slice(c.start, c.end);
  const shown = displaySlice(doc, c.start, c.end);
  if (!shown || shown.text !== c.quote)
    problems.push(`quote is not the display text of [${c.start}, ${c.end})`);
  for (const mark of WIDE_PUNCTUATION) {
    const inSource = count(span, mark);
    if (inSource !== count(c.quote, mark))
      problems.push(`the source has ${inSource} "${mark}" but the quote ${count(c.quote, mark)}`);
  }
  for (const n of markerNumbers(raw, c.start, c.end))
    if (new RegExp(`[\\p{L}\\p{Script=Han}.,;:)）」%％]${n}(?![\\d.])`, "u").test(c.quote))
      problems.push(`footnote ${n} is glued to a word as digits`);
  if (/\*|<\/?(?:b|i|u|em|strong|sup|sub)>/iu.test(c.quote))
    problems.push("the quote holds Markdown emphasis or HTML tags");
  if (c.inText && /[,(]\s*[一二三四五六七八九十]+\s*[,)]/u.test(c.inText))
    problems.push(`the in-text citation shows a bare section numeral: ${c.inText}`);
  problems.push(...locatorProblems(doc, c, scope));
  return { ok: problems.length === 0, problems };
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

/** Numbers of the footnote markers inside raw `[start, end)`. */
function markerNumbers(raw: string, start: number, end: number): number[] {
  return noteMarkers(splitLines(raw))
    .filter((m) => m.start >= start && m.end <= end && m.number !== null && !m.always)
    .map((m) => m.number!);
}

const rawStartOf = (doc: DisplayDocument, b: Block) => doc.display.starts[b.displayStart]!;
const rawEndOf = (doc: DisplayDocument, b: Block) => doc.display.ends[b.displayEnd - 1]!;

/**
 * The scope a reader searches for a citation's locator: the chapter holding raw offset `at` when
 * the cited work is a chapter, else the whole file.
 *
 * @example
 *   scopeOf(bohai, raw, 20_000); // { start: 1234, end: 98_765, chapter: true }
 */
export function scopeOf(entry: CatalogEntry, raw: string, at: number): CheckScope {
  const starts = chapterStarts(entry, raw);
  const i = starts.findLastIndex((c) => c.start <= at);
  if (i < 0) return { start: 0, end: starts[0]?.start ?? raw.length, chapter: false };
  return { start: starts[i]!.start, end: starts[i + 1]?.start ?? raw.length, chapter: true };
}

/** Whether the locator, followed as a reader would, leads to the cited text and to nothing else. */
function locatorProblems(doc: DisplayDocument, c: CheckedCitation, scope: CheckScope): string[] {
  const loc = c.locatorDetail;
  if (loc.page != null) {
    const first = pageAt(doc.pageStarts, c.start);
    const last = pageAt(doc.pageStarts, c.end - 1);
    return first === loc.page && last === (loc.pageEnd ?? loc.page)
      ? []
      : [`pages ${loc.page}–${loc.pageEnd ?? loc.page} do not hold [${c.start}, ${c.end})`];
  }
  const blocks = doc.blocks.filter(
    (b) =>
      b.displayEnd > b.displayStart &&
      rawStartOf(doc, b) >= scope.start &&
      rawStartOf(doc, b) < scope.end,
  );
  const inSection = (b: Block) => sectionMatches(b, loc, scope.chapter);
  if (loc.table) {
    const label = loc.table.replace(/\s+/gu, "");
    const captions = blocks.filter(
      (b) =>
        b.kind === "caption" &&
        doc.display.text.slice(b.displayStart, b.displayEnd).replace(/\s+/gu, "").startsWith(label),
    );
    const before = captions.filter((b) => rawStartOf(doc, b) <= c.start);
    if (!captions.length) return [`no caption in the cited work starts with ${loc.table}`];
    if (!before.length) return [`${loc.table} comes after the cited text`];
    return [];
  }
  if (loc.note) {
    const notes = blocks.filter(
      (b) =>
        b.kind === "footnote" &&
        new RegExp(`^${loc.note}\\s`, "u").test(
          doc.display.text.slice(b.displayStart, b.displayEnd),
        ),
    );
    if (!notes.length) return [`no note ${loc.note} in the cited work`];
    return notes.some((b) => rawStartOf(doc, b) <= c.start && c.start < rawEndOf(doc, b))
      ? []
      : [`note ${loc.note} does not hold ${c.start}`];
  }
  if (loc.paragraph == null) return ["the locator has neither page, table, note nor paragraph"];
  const numbers = paragraphNumbers(doc.blocks, doc.display.text);
  const found = blocks.filter(
    (b) => b.kind === "paragraph" && inSection(b) && numbers.get(b) === loc.paragraph,
  );
  if (!found.length) return [`no paragraph ${loc.paragraph} in the section the locator names`];
  // One section per reader: the paragraphs found must all belong to one section.
  const sections = new Set(found.map((b) => b.section?.rawStart ?? -1));
  if (sections.size > 1) return [`the locator fits ${sections.size} sections`];
  const holds = found.some((b) => rawStartOf(doc, b) <= c.start && c.start < rawEndOf(doc, b));
  return holds ? [] : [`paragraph ${loc.paragraph} of the section does not hold ${c.start}`];
}

/** Whether block `b` lies in the section a locator names (by number and title, as printed). */
function sectionMatches(b: Block, loc: Locator, chapter: boolean): boolean {
  const s = b.section;
  const title = s ? headingTitle(s.title, s.number) : null;
  if (!loc.section && !loc.sectionTitle) return !s || title === null;
  if ((loc.sectionTitle ?? null) !== title) return false;
  if (!loc.section) return true;
  if (loc.lang === "zh")
    return chineseSection(s!.numbers, { withoutChapter: chapter }) === loc.section;
  return s!.number === loc.section;
}
