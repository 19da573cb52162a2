import { createGenerativeAnswerer, type GenerativeDeps } from "../answer/generative/answer.js";
import { createQaService } from "../answer/service.js";
import type { Catalog } from "../cite/types.js";
import type { Embedder } from "../embed/types.js";
import type { ReadyState } from "../http/state.js";
import { firstHeading } from "../ingest/heading.js";
import { shippedWeights } from "../learn/shipped.js";
import type { Weights } from "../learn/weights.js";
import type { LoadedIndex } from "../store/index-data.js";
import type { Table } from "../tables/types.js";
import { catalogLookup, sourceDescription } from "./catalog.js";
import { checkQueryEmbedder } from "./embedder.js";
import { makeTranslator, type CorpusLanguage } from "./language.js";

/** What the generative answerer needs besides what each loaded index brings (GENERATOR_URL). */
export type GeneratorSetup = Omit<GenerativeDeps, "translator" | "cite" | "threshold">;

/** Everything a served state is made of, already read by the edge (files in Node, assets in a Worker). */
export interface StateInput {
  index: LoadedIndex;
  /** The text citation offsets point into, by source path (a PDF's extracted text). */
  rawTexts: ReadonlyMap<string, string>;
  /** The validated catalog (`corpus/catalog.json`), empty when there is none. */
  catalog: Catalog;
  language: CorpusLanguage;
  /** Embeds questions; see {@link checkQueryEmbedder} for which ones an index accepts. */
  embedder: Embedder;
  weights?: Weights;
  /** With one, answers may be written by a language model from the same passages (and verified). */
  generator?: GeneratorSetup | null;
}

/**
 * The state the HTTP app serves, built from data already read — by the Node server from files, by
 * the Worker from its assets — so both runtimes answer with the same pipeline. Throws
 * `index_incompatible` when the embedder does not fit the index (see {@link checkQueryEmbedder}).
 *
 * @example
 *   const state = createState({ index, rawTexts, catalog, language, embedder });
 *   createApp({ state: () => state, status: () => "ready" });
 */
export function createState(input: StateInput): ReadyState {
  const { index, rawTexts, language, embedder } = input;
  const weights = input.weights ?? shippedWeights();
  checkQueryEmbedder(index.manifest, embedder, weights);
  const headings = new Map<string, string>();
  for (const [source, raw] of rawTexts) {
    const heading = firstHeading(raw);
    if (heading) headings.set(source.replace(/\.[^.]+$/u, ""), heading);
  }
  const { catalog, entryFor } = catalogLookup(input.catalog, headings);
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
  const generative = input.generator
    ? createGenerativeAnswerer({
        ...input.generator,
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
