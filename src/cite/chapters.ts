import { CatalogEntrySchema, type CatalogEntry, type Chapter } from "./types.js";

/** Where each chapter of an entry starts in its raw text (chapters whose opening is not found once are left out). */
const startsCache = new WeakMap<CatalogEntry, Map<string, ChapterStart[]>>();

/** A chapter and the raw offset where it starts. */
export interface ChapterStart {
  chapter: Chapter;
  start: number;
}

/**
 * The chapters of `entry` located in `raw` by their openings, in order. An opening that is missing or
 * found more than once locates nothing (the catalog test names it).
 *
 * @example
 *   chapterStarts(bohai, raw).map((c) => c.chapter.number); // ["第一章", "第二章", …]
 */
export function chapterStarts(entry: CatalogEntry, raw: string): ChapterStart[] {
  if (!entry.chapters.length) return [];
  let byRaw = startsCache.get(entry);
  if (!byRaw) startsCache.set(entry, (byRaw = new Map()));
  let starts = byRaw.get(raw);
  if (!starts) {
    starts = entry.chapters
      .map((chapter) => {
        const at = raw.indexOf(chapter.opening);
        return at >= 0 && raw.indexOf(chapter.opening, at + 1) < 0 ? { chapter, start: at } : null;
      })
      .filter((c): c is ChapterStart => c !== null)
      .sort((a, b) => a.start - b.start);
    if (byRaw.size > 4) byRaw.clear();
    byRaw.set(raw, starts);
  }
  return starts;
}

/**
 * The chapter holding raw offset `at`, if any.
 *
 * @example
 *   chapterAt(bohai, raw, 20_000)?.chapter.number; // "第一章"
 */
export function chapterAt(entry: CatalogEntry, raw: string, at: number): ChapterStart | null {
  let found: ChapterStart | null = null;
  for (const c of chapterStarts(entry, raw)) if (c.start <= at) found = c;
  return found;
}

/**
 * The entry to cite for text at raw offset `at`: the chapter — its authors, title and language, "In"
 * the document — when the offset lies in a chapter with its own byline, else the document itself.
 *
 * @example
 *   citedEntry(bohai, raw, 20_000).authors; // [{ family: "Yang", given: "Sheng-chun" }, …]
 */
export function citedEntry(entry: CatalogEntry, raw: string, at: number): CatalogEntry {
  const found = chapterAt(entry, raw, at);
  return found ? chapterEntry(entry, found.chapter) : entry;
}

/**
 * A chapter as an entry of its own: type "chapter", contained in the document.
 *
 * @example
 *   chapterEntry(bohai, bohai.chapters[0]).containerDescription; // "Research report on …"
 */
export function chapterEntry(entry: CatalogEntry, chapter: Chapter): CatalogEntry {
  return CatalogEntrySchema.parse({
    source: entry.source,
    type: "chapter",
    title: chapter.title,
    originalTitle: chapter.originalTitle,
    description: chapter.description,
    authors: chapter.authors,
    year: entry.year,
    containerTitle: entry.title ?? entry.originalTitle,
    containerDescription: entry.title || entry.originalTitle ? null : entry.description,
    publisher: entry.publisher,
    institution: entry.institution,
    doi: entry.doi,
    url: entry.url,
    language: chapter.language.length ? chapter.language : entry.language,
    note: chapter.note,
    evidence: chapter.evidence,
  });
}
