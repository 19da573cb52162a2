import { entryForUnknownFile } from "../cite/catalog.js";
import type { Catalog, CatalogEntry } from "../cite/types.js";
import type { SourceDescription } from "../question/sources.js";

/** A validated catalog and the entry of each document, described or not. */
export interface CatalogLookup {
  catalog: Catalog;
  entryFor: (docId: string) => CatalogEntry;
}

/**
 * Looks documents up in a validated catalog. A document the catalog does not describe is titled by
 * its first `#` heading (`headings`: document id → heading), else by its file name.
 *
 * @example
 *   const { entryFor } = catalogLookup(parseCatalog(json), new Map([["tainan", "Tainan parks"]]));
 *   entryFor("tainan").title // → "Tainan parks"
 */
export function catalogLookup(
  catalog: Catalog,
  headings: ReadonlyMap<string, string> = new Map(),
): CatalogLookup {
  const entryFor = (docId: string): CatalogEntry => {
    const known =
      catalog[docId] ??
      Object.values(catalog).find((e) => e.source.replace(/\.[^.]+$/u, "") === docId);
    if (known) return known;
    const fallback = entryForUnknownFile(`${docId}.txt`);
    const heading = headings.get(docId);
    return heading
      ? {
          ...fallback,
          title: heading,
          note: "No catalog entry; the title is the document's first heading.",
        }
      : fallback;
  };
  return { catalog, entryFor };
}

/**
 * What identifies a document when a question points at it: authors' names, the journal or
 * publisher, titles in every script, and the year, from its catalog entry.
 *
 * @example
 *   sourceDescription("chen-2014-varieties-of-global-capital", entryFor).names // → ["Ling Chen", …]
 */
export function sourceDescription(
  docId: string,
  entryFor: (docId: string) => CatalogEntry,
): SourceDescription {
  const e = entryFor(docId);
  const people = e.authors.map((a) =>
    "family" in a ? [a.given, a.family].filter(Boolean).join(" ") : a.literal,
  );
  const names = [...people, e.containerTitle, e.publisher, e.institution].filter((x): x is string =>
    Boolean(x),
  );
  const titles = [e.title, e.originalTitle, e.description].filter((x): x is string => Boolean(x));
  return { docId, names, titles, year: e.year };
}
