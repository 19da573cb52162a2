import { z } from "zod";
import { AppError } from "../errors.js";
import { CatalogEntrySchema, CatalogSchema, type Catalog, type CatalogEntry } from "./types.js";

/**
 * Validates `corpus/catalog.json` (already JSON-parsed) and fills defaults.
 *
 * @example
 *   const catalog = parseCatalog(JSON.parse(await readFile("corpus/catalog.json", "utf8")));
 *   catalog["chen-2014-varieties-of-global-capital"]?.year; // 2014
 */
export function parseCatalog(json: unknown): Catalog {
  const parsed = CatalogSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      "corpus_unreadable",
      `corpus/catalog.json is invalid:\n${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/**
 * A placeholder entry for a corpus file that has no catalog entry: the title comes from the
 * file name, everything else is unknown.
 *
 * @example
 *   entryForUnknownFile("new-paper_draft.txt").title; // "New paper draft"
 */
export function entryForUnknownFile(source: string): CatalogEntry {
  const base = source.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const words = base.replace(/[-_\s]+/g, " ").trim();
  const title = words ? words.charAt(0).toUpperCase() + words.slice(1) : source;
  return CatalogEntrySchema.parse({
    source,
    title,
    note: "No catalog entry; the title is derived from the file name.",
  });
}

/**
 * The catalog entry whose `source` is `source`, or the fallback for unknown files.
 *
 * @example
 *   entryForSource(catalog, "chen-2014-varieties-of-global-capital.txt").authors; // [{family: "Chen", …}]
 */
export function entryForSource(catalog: Catalog, source: string): CatalogEntry {
  return (
    Object.values(catalog).find((entry) => entry.source === source) ?? entryForUnknownFile(source)
  );
}
