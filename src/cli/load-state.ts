import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import type { ReadyState } from "../http/state.js";
import { shippedWeights } from "../learn/shipped.js";
import type { Weights } from "../learn/weights.js";
import { createState, type GeneratorSetup } from "../serve/state.js";
import { loadIndex } from "../store/load-index.js";
import type { CorpusLanguage } from "../serve/language.js";
import { readCatalogFile } from "./wire.js";

/**
 * Loads the index, the raw corpus texts and the catalog from files into the state the HTTP app
 * serves (built by `createState`, as the Worker builds it from its assets), with the corpus language
 * (lexicon and table vocabulary) loaded at the edge. Refuses an index built by a different embedder:
 * its vectors would be meaningless to this one. With a `generator`, answers are written by the
 * model from the same passages (and verified).
 *
 * @example
 *   const state = await loadState(config, embedder, await loadLanguage(config.CORPUS_DIR));
 */
export async function loadState(
  config: Config,
  embedder: Embedder,
  language: CorpusLanguage,
  weights: Weights = shippedWeights(),
  generator: GeneratorSetup | null = null,
): Promise<ReadyState> {
  const index = await loadIndex(config.INDEX_DIR);
  const rawTexts = new Map<string, string>();
  // Loaded when needed: reading a PDF's text brings in the PDF library.
  const { loadDocumentText } = await import("./raw-text.js");
  for (const f of index.manifest.files)
    rawTexts.set(f.source, await loadDocumentText(config.CORPUS_DIR, f.source));
  const catalog = await readCatalogFile(config.CORPUS_DIR);
  return createState({ index, rawTexts, catalog, language, embedder, weights, generator });
}
