import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createGenerativeAnswerer } from "../answer/generative/answer.js";
import { createQaService } from "../answer/service.js";
import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import { AppError } from "../errors.js";
import type { ReadyState } from "../http/state.js";
import { firstHeading } from "../ingest/heading.js";
import { loadIndex } from "../store/load-index.js";
import type { Table } from "../tables/types.js";
import { makeTranslator, readCatalog, sourceDescription, type CorpusLanguage } from "./wire.js";
import { shippedWeights } from "../learn/shipped.js";
import type { Weights } from "../learn/weights.js";
import type { GeneratorSetup } from "./generator.js";

/**
 * Loads the index, the raw corpus texts and the catalog into the state the HTTP app serves, with
 * the corpus language (lexicon and table vocabulary) loaded at the edge. Refuses an index built by
 * a different embedder: its vectors would be meaningless to this one. With a `generator`, answers
 * are written by the model from the same passages (and verified).
 */
export async function loadState(
  config: Config,
  embedder: Embedder,
  language: CorpusLanguage,
  weights: Weights = shippedWeights(),
  generator: GeneratorSetup | null = null,
): Promise<ReadyState> {
  const index = await loadIndex(config.INDEX_DIR);
  if (
    index.manifest.embedder.id !== embedder.id ||
    index.manifest.embedder.dimension !== embedder.dimension
  )
    throw new AppError(
      "index_incompatible",
      `The index was built with ${index.manifest.embedder.id} (${index.manifest.embedder.dimension}-d) but the server uses ${embedder.id} (${embedder.dimension}-d); rebuild with \`npm run index\` or set EMBEDDER to match.`,
    );
  const rawTexts = new Map<string, string>();
  const { loadDocumentText } = await import("./raw-text.js");
  for (const f of index.manifest.files)
    rawTexts.set(f.source, await loadDocumentText(config.CORPUS_DIR, f.source));
  const headings = new Map<string, string>();
  for (const [source, raw] of rawTexts) {
    const heading = firstHeading(raw);
    if (heading) headings.set(source.replace(/\.[^.]+$/u, ""), heading);
  }
  const { catalog, entryFor } = await readCatalog(config.CORPUS_DIR, headings);
  const title = (docId: string) => {
    const e = entryFor(docId);
    return e.title ?? e.originalTitle ?? e.description ?? docId;
  };
  // The translator knows the corpus's Chinese vocabulary, so English→Chinese picks the words the corpus uses.
  const translator = language.lexicon
    ? makeTranslator(
        language.lexicon,
        index.chunks.filter((c) => c.lang === "zh").map((c) => c.text),
      )
    : null;
  // What names each document lets a question point at its source ("As Wong argues, …").
  const sources = index.manifest.files.map((f) =>
    sourceDescription(f.source.replace(/\.[^.]+$/u, ""), entryFor),
  );
  const qa = createQaService({
    index,
    embedder,
    translator,
    rawTexts,
    title,
    sources,
    tables: index.tables as Table[],
    tableVocabulary: language.tables,
    weights,
  });
  const generative = generator
    ? createGenerativeAnswerer({
        ...generator,
        translator,
        cite: { raw: (source) => rawTexts.get(source), title },
        threshold: weights.abstain.threshold,
      })
    : null;
  return {
    qa,
    generative,
    manifest: index.manifest,
    catalog,
    entryFor,
    rawTexts,
    embedderId: embedder.id,
    tables: index.tables,
    tableVocabulary: language.tables,
  };
}
