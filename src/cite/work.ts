import type { CatalogEntry } from "./types.js";

/**
 * What names the work: its title (original-script title first, with the document's own
 * translation if it gives one), a cataloguer's description, or nothing at all.
 */
export type WorkName =
  | { kind: "title"; main: string; translation: string | null }
  | { kind: "description"; text: string };

/**
 * @example
 *   workName({ ...entry, originalTitle: "仍然是經濟空間分工？", title: "Still an economically…?" });
 *   // { kind: "title", main: "仍然是經濟空間分工？", translation: "Still an economically…?" }
 */
export function workName(entry: CatalogEntry): WorkName {
  if (entry.originalTitle)
    return { kind: "title", main: entry.originalTitle, translation: entry.title };
  if (entry.title) return { kind: "title", main: entry.title, translation: null };
  return { kind: "description", text: entry.description ?? "Untitled document" };
}

/**
 * Whether the title is set in italics (a self-standing work) rather than quoted (a part of a
 * journal, book or proceedings).
 *
 * @example
 *   isStandalone({ ...entry, type: "report" }); // true
 */
export function isStandalone(entry: CatalogEntry): boolean {
  if (entry.type === "article-journal" || entry.type === "chapter") return false;
  return !(entry.type === "paper-conference" && entry.containerTitle);
}

/**
 * The DOI as a resolvable URL, accepting bare DOIs, "doi:" prefixes and doi.org URLs.
 *
 * @example
 *   doiUrl("10.1177/0032329213519422"); // "https://doi.org/10.1177/0032329213519422"
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, "")}`;
}

/** The DOI link, else the URL, else null: the one link a reference ends with. */
export function link(entry: CatalogEntry): string | null {
  if (entry.doi) return doiUrl(entry.doi);
  return entry.url;
}

/**
 * Who published the work: the issuing institution for reports, else the publisher.
 *
 * @example
 *   publisherOf({ ...entry, type: "report", institution: "SHIC", publisher: null }); // "SHIC"
 */
export function publisherOf(entry: CatalogEntry): string | null {
  return entry.type === "report" ? (entry.institution ?? entry.publisher) : entry.publisher;
}

/**
 * The period that closes a title element, unless the title already ends in ., ? or !.
 *
 * @example
 *   closingPeriod("Still an economically spatial division of labor?"); // ""
 */
export function closingPeriod(text: string): string {
  return /[.?!]$/.test(text) ? "" : ".";
}
