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
import { knowledgeHash, loadKnowledge } from "../knowledge/load.js";
import type { CorpusKnowledge } from "../knowledge/types.js";
import { createVocabulary, loadLexicon, type Lexicon } from "../lexicon/index.js";
import type { Translator } from "../lexicon/types.js";
import type { BuildOptions } from "../store/build.js";
import { extractTables } from "../tables/extract.js";
import { createTableVocabulary, type TableVocabulary } from "../tables/vocabulary.js";
import { memoize } from "../text/memo.js";

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
 * A corpus's knowledge (`<CORPUS_DIR>/knowledge/*.json`) and what is built from it: the lexicon
 * (CC-CEDICT with the corpus's supplement and gazetteer) and the table vocabulary (its places and
 * header concepts). Loaded once at the edge and passed to the build and the service.
 */
export interface CorpusLanguage {
  readonly knowledge: CorpusKnowledge;
  /** Null when the caller does without translation and glosses (tests that need speed). */
  readonly lexicon: Lexicon | null;
  readonly tables: TableVocabulary;
}

/**
 * Loads the corpus knowledge and builds the lexicon (about three seconds for the dictionary) and
 * the table vocabulary from it. Throws, naming the file and field, when a knowledge file is invalid.
 *
 * @example
 *   const language = await loadLanguage(config.CORPUS_DIR);
 *   const tests = await loadLanguage("corpus", { lexicon: false }); // no dictionary
 */
export async function loadLanguage(
  corpusDir: string,
  { lexicon = true }: { lexicon?: boolean } = {},
): Promise<CorpusLanguage> {
  const knowledge = await loadKnowledge(corpusDir);
  return {
    knowledge,
    lexicon: lexicon ? await loadLexicon(knowledge) : null,
    tables: createTableVocabulary(knowledge),
  };
}

/** The corpus language of a long-running server: {@link loadLanguage} again only when the knowledge files change. */
export interface LanguageSource {
  current(): Promise<CorpusLanguage>;
}

/**
 * A language source for `corpusDir`: each call checks the knowledge files' hash and reloads (the
 * dictionary included) only when it changed, so a reload after `npm run index` serves the new index
 * with the knowledge it was built from. A failed load is retried by the next call.
 *
 * @example
 *   const languages = languageSource("corpus");
 *   const state = await loadState(config, embedder, await languages.current());
 */
export function languageSource(corpusDir: string): LanguageSource {
  let loaded: { hash: string; language: Promise<CorpusLanguage> } | null = null;
  return {
    async current() {
      const hash = await knowledgeHash(corpusDir);
      if (loaded?.hash === hash) return loaded.language;
      const language = loadLanguage(corpusDir);
      loaded = { hash, language };
      language.catch(() => {
        if (loaded?.language === language) loaded = null;
      });
      return language;
    },
  };
}

/** Translations kept per direction (a few MB at most). */
const TRANSLATIONS_KEPT = 20_000;

/**
 * The CC-CEDICT lexicon and the corpus gazetteer as a retrieval translator. With the corpus's Chinese
 * text as vocabulary, translations the corpus actually uses rank first.
 */
export function makeTranslator(lexicon: Lexicon, chineseTexts: Iterable<string> = []): Translator {
  const vocabulary = createVocabulary(chineseTexts);
  // Questions repeat words: each word's translation is worked out once per process.
  const toChinese = memoize((en) => lexicon.toChinese(en, { vocabulary }), TRANSLATIONS_KEPT);
  const toEnglish = memoize((zh) => lexicon.toEnglish(zh), TRANSLATIONS_KEPT);
  const gloss = memoize((zh) => lexicon.gloss(zh), TRANSLATIONS_KEPT);
  return {
    toChinese: (en) => [...toChinese(en)],
    toEnglish: (zh) => [...toEnglish(zh)],
    gloss,
    romanised: (word) => [...vocabulary.byPinyin(word)],
    names: (text) => lexicon.names(text),
    spelling: (word) => lexicon.spelling(word),
  };
}

/**
 * What the index build takes from the corpus language: Chinese glosses (with a lexicon), table
 * extraction with the table vocabulary, and the knowledge hash recorded with them.
 *
 * @example
 *   await buildIndex({ corpusDir, indexDir, embedder, ...indexInputs(language) });
 */
export function indexInputs(
  language: CorpusLanguage,
): Pick<BuildOptions, "gloss" | "extractTables" | "knowledgeHash"> {
  const { lexicon, tables, knowledge } = language;
  return {
    gloss: lexicon ? (zh) => lexicon.gloss(zh) : undefined,
    extractTables: (doc) => extractTables(doc.id, doc.source, doc.raw, tables),
    knowledgeHash: knowledge.hash,
  };
}

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
