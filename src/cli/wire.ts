import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCatalog } from "../cite/catalog.js";
import type { Catalog } from "../cite/types.js";
import type { Config } from "../config.js";
import { cachingEmbedder } from "../embed/cache.js";
import { selectEmbedder } from "../embed/select.js";
import { workersAiRest } from "../embed/workers-ai-rest.js";
import type { Embedder } from "../embed/types.js";
import { knowledgeHash, loadKnowledge } from "../knowledge/load.js";
import { readCedictText } from "../lexicon/cedict-file.js";
import { catalogLookup, type CatalogLookup } from "../serve/catalog.js";
import { createLanguage, type CorpusLanguage } from "../serve/language.js";
import type { BuildOptions } from "../store/build.js";
import { extractTables } from "../tables/extract.js";

/** Query vectors the embedder keeps: a lecture hall asks the same questions again and again. */
const QUERY_VECTORS_KEPT = 2000;

/**
 * The configured embedder (auto: local/hub Transformers.js model, else offline USE-lite;
 * workers-ai: bge-m3 through Cloudflare's REST API).
 */
export async function embedderFromConfig(
  config: Config,
  log: (m: string) => void,
): Promise<Embedder> {
  const { CLOUDFLARE_ACCOUNT_ID: accountId, CLOUDFLARE_API_TOKEN: apiToken } = config;
  const embedder = await selectEmbedder({
    prefer: config.EMBEDDER,
    model: config.EMBEDDING_MODEL,
    localModelPath: config.MODEL_DIR,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    log,
    workersAi:
      accountId && apiToken
        ? workersAiRest({ accountId, apiToken, baseUrl: config.CLOUDFLARE_API_BASE })
        : undefined,
  });
  // Recent queries' vectors are kept, and queries arriving together are embedded in one batch.
  return cachingEmbedder(embedder, { size: QUERY_VECTORS_KEPT });
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
  return createLanguage(knowledge, lexicon ? await readCedictText() : null);
}

/** The corpus language of a long-running server: {@link loadLanguage} again only when the knowledge files change. */
export interface LanguageSource {
  /**
   * The language for an index of these documents (`files`, from its manifest): with a pruning
   * strategy, its dictionary is pruned to them and loaded again when they change.
   */
  current(files?: ReadonlyArray<{ source: string; sha256: string }>): Promise<CorpusLanguage>;
}

/** Prunes CC-CEDICT to the words of some documents of the corpus (see `pruneInThread`). */
export type PruneDictionary = (
  sources: readonly string[],
) => Promise<{ text: string; headwords: string }>;

/**
 * A language source for `corpusDir`: each call checks the knowledge files' hash and reloads (the
 * dictionary included) only when it changed, so a reload after `npm run index` serves the new index
 * with the knowledge it was built from. With `prune` and the index's files, the dictionary holds
 * only the entries that can connect a question to those documents (as in the Worker), and is pruned
 * again when the documents change. A failed load is retried by the next call.
 *
 * @example
 *   const languages = languageSource("corpus");
 *   const state = await loadState(config, embedder, await languages.current());
 */
export function languageSource(corpusDir: string, prune?: PruneDictionary): LanguageSource {
  let loaded: { key: string; language: Promise<CorpusLanguage> } | null = null;
  return {
    async current(files) {
      const pruned = prune !== undefined && files !== undefined;
      const key = JSON.stringify([
        await knowledgeHash(corpusDir),
        pruned ? files.map((f) => [f.source, f.sha256]) : null,
      ]);
      if (loaded?.key === key) return loaded.language;
      const language = pruned
        ? (async () => {
            const [knowledge, dictionary] = await Promise.all([
              loadKnowledge(corpusDir),
              prune(files.map((f) => f.source)),
            ]);
            return createLanguage(knowledge, dictionary.text, dictionary.headwords);
          })()
        : loadLanguage(corpusDir);
      loaded = { key, language };
      language.catch(() => {
        if (loaded?.language === language) loaded = null;
      });
      return language;
    },
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
 * `corpus/catalog.json`, validated, or an empty catalog when the file is missing.
 *
 * @example
 *   const catalog = await readCatalogFile("corpus");
 */
export async function readCatalogFile(corpusDir: string): Promise<Catalog> {
  try {
    return parseCatalog(JSON.parse(await readFile(join(corpusDir, "catalog.json"), "utf8")));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`corpus/catalog.json is invalid: ${(e as Error).message}`);
  }
}

/**
 * The catalog of `corpusDir` with the entry of each document: a document the catalog does not
 * describe is titled by its first `#` heading (`headings`: document id → heading), else by its
 * file name.
 *
 * @example
 *   const { entryFor } = await readCatalog("corpus");
 */
export async function readCatalog(
  corpusDir: string,
  headings: ReadonlyMap<string, string> = new Map(),
): Promise<CatalogLookup> {
  return catalogLookup(await readCatalogFile(corpusDir), headings);
}
