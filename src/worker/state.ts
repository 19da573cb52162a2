import type { Chunk } from "../chunks/types.js";
import { parseCatalog } from "../cite/catalog.js";
import { cachingEmbedder } from "../embed/cache.js";
import { noQueryEmbedder } from "../embed/none.js";
import type { Embedder } from "../embed/types.js";
import { createWorkersAiEmbedder, WORKERS_AI_MODEL } from "../embed/workers-ai.js";
import { AppError } from "../errors.js";
import type { ReadyState } from "../http/state.js";
import { ASSET_NAMES, type AssetTexts } from "../http/widget/assets.js";
import { parseKnowledge, type KnowledgeBytes } from "../knowledge/parse.js";
import { KNOWLEDGE_DIR, KNOWLEDGE_FILES } from "../knowledge/types.js";
import { restoredViews, StoredViewsSchema, VIEWS_VERSION } from "../retrieve/views.js";
import { createLanguage } from "../serve/language.js";
import { createState } from "../serve/state.js";
import { checkIndexJson } from "../store/check-index.js";
import { createExactIndex, type ExactIndex } from "../store/exact.js";
import type { LoadedIndex } from "../store/index-data.js";
import {
  ManifestSchema,
  SCHEMA_VERSION,
  type Manifest,
  type VectorSearch,
} from "../store/types.js";
import { createVectorizeSearch } from "../store/vectorize.js";
import { WORKER_DIRS, WORKER_FILES } from "../store/worker-data.js";
import type { WorkerDataReader } from "./data.js";
import type { WorkerEnv } from "./env.js";

/** Query vectors kept by the Workers AI embedder in one isolate (each costs a model call). */
const QUERY_VECTORS_KEPT = 500;

const invalid = (detail: string) =>
  new AppError(
    "index_invalid",
    `The Worker's data ${detail}; run \`npm run build:worker\` and deploy again.`,
  );

/**
 * The embedder questions are asked with, as the manifest decides: Workers AI when the `AI` binding
 * is there and the index was built with its model; otherwise none (retrieval is lexical and
 * cross-lingual), which `createState` accepts only while the fitted ranking gives the dense
 * features no weight.
 *
 * @example
 *   queryEmbedder(env, manifest).id // → "none" for an index built offline with USE-lite
 */
export function queryEmbedder(env: Pick<WorkerEnv, "AI">, manifest: Manifest): Embedder {
  if (env.AI && manifest.embedder.id === `workers-ai:${WORKERS_AI_MODEL}`)
    return cachingEmbedder(createWorkersAiEmbedder(env.AI), { size: QUERY_VECTORS_KEPT });
  return noQueryEmbedder(manifest.embedder);
}

/**
 * The passage vectors: Vectorize when bound (the build's namespace), else an exact search over
 * `vectors.f32`, read on the first search only — a Worker that embeds no question never reads it.
 * Data built for Vectorize has no `vectors.f32`: searching it without the binding is a 503.
 *
 * @example
 *   const vectors = workerVectors(env, data, manifest, chunks);
 *   await vectors.search(queryVector, 50) // → [{ label, similarity }, …]
 */
export function workerVectors(
  env: Pick<WorkerEnv, "VECTORIZE">,
  data: WorkerDataReader,
  manifest: Manifest,
  chunks: readonly Chunk[],
): VectorSearch {
  const { dimension } = manifest.embedder;
  if (env.VECTORIZE)
    return createVectorizeSearch(env.VECTORIZE, {
      dimension,
      ids: chunks.map((c) => c.id),
      namespace: data.about.buildId,
    });
  let loaded: Promise<ExactIndex> | null = null;
  const load = async () => {
    if (data.about.vectors.store === "vectorize")
      throw new AppError(
        "vectors_unavailable",
        "The passage vectors were built for Vectorize and this Worker has no VECTORIZE binding; bind it in wrangler.toml or run `npm run build:worker` without --vectorize.",
      );
    const bytes = await data.bytes(WORKER_FILES.vectors);
    if (bytes.byteLength !== chunks.length * dimension * 4)
      throw invalid(`file ${WORKER_FILES.vectors} does not hold ${chunks.length} vectors`);
    // A fresh copy: a Float32Array view needs an offset that is a multiple of 4.
    return createExactIndex(dimension, new Float32Array(bytes.slice().buffer));
  };
  return {
    dimension,
    size: () => chunks.length,
    async search(vector, k) {
      loaded ??= load().catch((e: unknown) => {
        loaded = null;
        throw e;
      });
      return (await loaded).search(vector, k);
    },
  };
}

/** The widget's browser files from the data (`widget/*`). */
export async function readWidgetAssets(data: WorkerDataReader): Promise<AssetTexts> {
  const texts = await Promise.all(ASSET_NAMES.map((n) => data.text(`${WORKER_DIRS.widget}/${n}`)));
  return Object.fromEntries(ASSET_NAMES.map((n, i) => [n, texts[i]!])) as Record<
    (typeof ASSET_NAMES)[number],
    string
  >;
}

/**
 * The state the Worker serves, read from its data through the assets binding and built by the same
 * `createState` as the Node server's: index files, corpus texts, catalog, corpus knowledge and the
 * pruned dictionary. Throws `index_invalid` when the data is damaged or does not agree with itself,
 * `index_incompatible` when its schema is older or the embedder does not fit it.
 *
 * @example
 *   const state = await loadWorkerState(env, await openWorkerData(env.ASSETS));
 */
export async function loadWorkerState(
  env: Pick<WorkerEnv, "AI" | "VECTORIZE">,
  data: WorkerDataReader,
): Promise<ReadyState> {
  const { about } = data;
  const manifest = ManifestSchema.safeParse(await data.json(WORKER_FILES.manifest));
  if (!manifest.success) throw invalid(`file ${WORKER_FILES.manifest} is not a manifest`);
  const m = manifest.data;
  if (m.schemaVersion !== SCHEMA_VERSION)
    throw new AppError(
      "index_incompatible",
      `The Worker's data holds an index of schema ${m.schemaVersion}, expected ${SCHEMA_VERSION}; rebuild it with \`npm run index\` and \`npm run build:worker\`.`,
    );
  if (m.buildId !== about.buildId)
    throw invalid(
      `mixes two builds (manifest ${m.buildId}, ${WORKER_FILES.about} ${about.buildId})`,
    );

  const knowledgeFiles = new Set(about.knowledge);
  const [json, texts, knowledge, catalog, cedict, headwords] = await Promise.all([
    (async () => ({
      chunks: await data.json(WORKER_FILES.chunks),
      lexical: await data.json(WORKER_FILES.lexical),
      gloss: await data.json(WORKER_FILES.gloss),
      tables: await data.json(WORKER_FILES.tables),
    }))(),
    Promise.all(about.texts.map(async (t) => [t.source, await data.text(t.path)] as const)),
    Promise.all(
      KNOWLEDGE_FILES.map(async (file) => {
        const path = `${WORKER_DIRS.knowledge}/${file}`;
        return [file, knowledgeFiles.has(file) ? await data.bytes(path) : undefined] as const;
      }),
    ),
    about.catalog ? data.json(WORKER_FILES.catalog) : Promise.resolve({}),
    about.cedict ? data.text(WORKER_FILES.cedict) : Promise.resolve(null),
    about.cedict ? data.text(WORKER_FILES.cedictHeadwords) : Promise.resolve(""),
  ]);
  // The same checks as the Node server's loader: structure, and counts that agree.
  const { chunks, lexical, gloss, tables } = checkIndexJson(m, json, (file, problem, seen) =>
    invalid(`file ${file} ${problem}${seen ? ` (${seen})` : ""}`),
  );
  if (about.vectors.count !== chunks.length || about.vectors.dimension !== m.embedder.dimension)
    throw invalid(`vectors do not match the manifest`);
  const sources = new Set(m.files.map((f) => f.source));
  if (texts.length !== sources.size || texts.some(([s]) => !sources.has(s)))
    throw invalid(`texts are not those of the indexed files`);

  // The passage analysis the build stored, read under this code's version (else analysed here).
  let views: LoadedIndex["views"];
  if (about.views && m.viewsVersion === VIEWS_VERSION) {
    const stored = StoredViewsSchema.safeParse(await data.json(WORKER_FILES.views));
    if (!stored.success || stored.data.length !== chunks.length)
      throw invalid(`file ${WORKER_FILES.views} does not agree with the passages`);
    views = restoredViews(stored.data);
  }
  const index: LoadedIndex = {
    manifest: m,
    chunks,
    lexical,
    gloss,
    tables,
    vectors: workerVectors(env, data, m, chunks),
    ...(views ? { views } : {}),
  };
  const language = createLanguage(
    parseKnowledge(Object.fromEntries(knowledge) as KnowledgeBytes, KNOWLEDGE_DIR),
    cedict,
    headwords,
  );
  return createState({
    index,
    rawTexts: new Map(texts),
    catalog: parseCatalog(catalog),
    language,
    embedder: queryEmbedder(env, m),
  });
}
