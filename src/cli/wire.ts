import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { entryForUnknownFile, parseCatalog } from "../cite/catalog.js";
import type { Catalog, CatalogEntry } from "../cite/types.js";
import type { Config } from "../config.js";
import type { SourceDescription } from "../question/sources.js";
import { cachingEmbedder } from "../embed/cache.js";
import { selectEmbedder } from "../embed/select.js";

/** Query vectors the embedder keeps: a lecture hall asks the same questions again and again. */
const QUERY_VECTORS_KEPT = 2000;
import type { Embedder } from "../embed/types.js";
import type { CorpusDocument } from "../ingest/types.js";
import { createVocabulary, findNames, loadLexicon, type Lexicon } from "../lexicon/index.js";
import type { Translator } from "../lexicon/types.js";
import { extractTables } from "../tables/extract.js";

/** The configured embedder (auto: local/hub Transformers.js model, else offline USE-lite). */
export async function embedderFromConfig(
  config: Config,
  log: (m: string) => void,
): Promise<Embedder> {
  const embedder = await selectEmbedder({
    prefer: config.EMBEDDER,
    model: config.EMBEDDING_MODEL,
    localModelPath: config.MODEL_DIR,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    log,
  });
  // Recent queries' vectors are kept, and queries arriving together are embedded in one batch.
  return cachingEmbedder(embedder, { size: QUERY_VECTORS_KEPT });
}

/**
 * The CC-CEDICT lexicon and gazetteer as a retrieval translator. With the corpus's Chinese text as
 * vocabulary, translations the corpus actually uses rank first.
 */
export function makeTranslator(lexicon: Lexicon, chineseTexts: Iterable<string> = []): Translator {
  const vocabulary = createVocabulary(chineseTexts);
  return {
    toChinese: (en) => lexicon.toChinese(en, { vocabulary }),
    toEnglish: (zh) => lexicon.toEnglish(zh),
    gloss: (zh) => lexicon.gloss(zh),
    romanised: (word) => [...vocabulary.byPinyin(word)],
    names: (text) => findNames(text),
  };
}

/** The translator used while indexing (glosses only need the dictionary). */
export async function translatorFromConfig(): Promise<Translator> {
  return makeTranslator(await loadLexicon());
}

/** Tables of one document, for the index build. */
export const extractTablesFor = (doc: CorpusDocument): unknown[] =>
  extractTables(doc.id, doc.source, doc.raw);

/**
 * `corpus/catalog.json`, or an empty catalog when the file is missing. A document the catalog does
 * not describe is titled by its first `#` heading (`headings`: document id → heading), else by its
 * file name.
 */
export async function readCatalog(
  corpusDir: string,
  headings: ReadonlyMap<string, string> = new Map(),
): Promise<{ catalog: Catalog; entryFor: (docId: string) => CatalogEntry }> {
  let catalog: Catalog = {};
  try {
    catalog = parseCatalog(JSON.parse(await readFile(join(corpusDir, "catalog.json"), "utf8")));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT")
      throw new Error(`corpus/catalog.json is invalid: ${(e as Error).message}`);
  }
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
