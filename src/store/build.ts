import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { chunkDocument } from "../chunks/chunk.js";
import type { Chunk } from "../chunks/types.js";
import type { Embedder } from "../embed/types.js";
import { listCorpusFiles, loadDocument, sha256 } from "../ingest/load.js";
import { knowledgeHash } from "../knowledge/load.js";
import type { CorpusDocument } from "../ingest/types.js";
import { buildLexicalIndex } from "../retrieve/lexical-index.js";
import { tokenize } from "../text/tokens.js";
import { replaceDirAtomic, writeFileAtomic } from "./atomic.js";
import { checksumFiles, damagedFile } from "./checksums.js";
import { createHnswIndex } from "./hnsw.js";
import { INDEX_FILES } from "./index-data.js";
import { createChunkViews, viewsJson, VIEWS_VERSION } from "../retrieve/views.js";
import type { Table } from "../tables/types.js";
import { readManifest } from "./load-index.js";
import { ensureWritable, recoverIndexDir } from "./recover.js";
import { openPrevious, reuseKey, type PreviousIndex } from "./reuse.js";
import { SCHEMA_VERSION, type Manifest } from "./types.js";

/** Progress events of a build, for a CLI progress bar or a log. */
export type BuildEvent =
  | { stage: "reuse"; documents: number; reason: string | null }
  | { stage: "documents"; done: number; total: number; source: string; reused: boolean }
  | { stage: "embedding"; done: number; total: number }
  | { stage: "writing" };

export interface BuildOptions {
  corpusDir: string;
  /** The index directory that is replaced atomically (e.g. `index/current`). */
  indexDir: string;
  embedder: Embedder;
  /** English gloss of Chinese text, for English-only embedders and the gloss field of the lexical index. */
  gloss?: (chinese: string) => string;
  /** Table extraction for one document (injected so the store does not depend on the extractor). */
  extractTables?: (doc: CorpusDocument) => unknown[];
  /**
   * Hash of the corpus knowledge that `gloss` and `extractTables` were made from (`CorpusKnowledge.hash`):
   * recorded in the manifest, so that `staleReason` rebuilds when the knowledge files change, and
   * part of the reuse key, so that changed knowledge does not reuse chunks and tables made with the old.
   */
  knowledgeHash: string;
  onProgress?: (e: BuildEvent) => void;
  batchSize?: number;
  /**
   * Take unchanged documents (same bytes, same reuse key) from the index already in `indexDir`
   * instead of extracting and embedding them again. Default true; false rebuilds everything.
   */
  reuse?: boolean;
  /** Further inputs that shape extraction (e.g. a hash of data files it reads), part of the reuse key. */
  reuseExtra?: string;
  /** Told of what went wrong without failing the build (e.g. an old folder that could not be removed). */
  warn?: (message: string) => void;
}

/** What the corpus and embedder would produce, to compare with the current manifest. */
export async function corpusFingerprint(corpusDir: string): Promise<Manifest["files"]> {
  const { sha256 } = await import("../ingest/load.js");
  const { readFile } = await import("node:fs/promises");
  const files = await listCorpusFiles(corpusDir);
  return Promise.all(
    files.map(async (source) => {
      const bytes = await readFile(join(corpusDir, source));
      return { source, sha256: sha256(bytes), bytes: bytes.length };
    }),
  );
}

/** Why the index in `indexDir` must be rebuilt, or null when it is current. */
export async function staleReason(
  corpusDir: string,
  indexDir: string,
  embedderId: string | null,
  glossed = true,
): Promise<string | null> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return "no index yet";
  if (manifest.schemaVersion !== SCHEMA_VERSION)
    return `index schema ${manifest.schemaVersion} is outdated (now ${SCHEMA_VERSION})`;
  if (embedderId && manifest.embedder.id !== embedderId)
    return `embedder changed (${manifest.embedder.id} → ${embedderId})`;
  if (manifest.glossed !== glossed)
    return glossed ? "Chinese glosses missing" : "glosses no longer wanted";
  if (manifest.knowledge !== (await knowledgeHash(corpusDir)))
    return `corpus knowledge changed (${join(corpusDir, "knowledge")})`;
  if (!manifest.checksums) return "the index records no file checksums (an older build)";
  const damaged = await damagedFile(indexDir, manifest);
  if (damaged) return `index file ${damaged} is damaged`;
  const files = await corpusFingerprint(corpusDir);
  const key = (f: Manifest["files"]) =>
    f
      .map((x) => `${x.source}:${x.sha256}`)
      .sort()
      .join("\n");
  if (key(files) !== key(manifest.files)) return "corpus changed";
  return null;
}

/** The text a passage is embedded as: section title plus text, Chinese through its gloss for English-only models. */
export function embeddingText(
  chunk: Chunk,
  embedder: Embedder,
  gloss?: (zh: string) => string,
): string {
  const head = chunk.section ? `${chunk.section}. ` : "";
  const body =
    chunk.lang === "zh" && !embedder.multilingual && gloss ? gloss(chunk.text) : chunk.text;
  return head + body;
}

/**
 * Loads, chunks, embeds and indexes the corpus, writing a new index directory atomically. Documents
 * whose bytes are unchanged since the index already in `indexDir` (built under the same reuse key)
 * keep their chunks, tables and vectors; only new and changed ones are extracted and embedded.
 *
 * @example
 *   const manifest = await buildIndex({ corpusDir: "corpus", indexDir: "index/current", embedder });
 */
export async function buildIndex(opts: BuildOptions): Promise<Manifest> {
  const t0 = performance.now();
  const { corpusDir, indexDir, embedder, gloss, onProgress } = opts;
  const warn = opts.warn ?? ((m: string) => void process.stderr.write(`index: warning: ${m}\n`));
  // Fail now rather than after a minute of embedding; put back an index a killed build left aside.
  await ensureWritable(dirname(indexDir));
  const recovery = await recoverIndexDir(indexDir);
  if (recovery.restored)
    warn(`a build was interrupted; restored ${recovery.restored} as ${indexDir}`);
  recovery.warnings.forEach(warn);
  const key = reuseKey({
    embedder,
    glossed: Boolean(gloss),
    knowledge: opts.knowledgeHash,
    extra: opts.reuseExtra,
  });
  let previous: PreviousIndex | null = null;
  if (opts.reuse !== false) {
    const opened = await openPrevious(indexDir, key);
    previous = opened.previous;
    onProgress?.({ stage: "reuse", documents: 0, reason: opened.reason });
  }
  const sources = await listCorpusFiles(corpusDir);
  const files: Manifest["files"] = [];
  const chunks: Chunk[] = [];
  const tables: unknown[] = [];
  // Per chunk, the vector carried over from the previous index, or null when it must be embedded.
  const carried: Array<Float32Array | null> = [];
  let reusedDocs = 0;
  for (const [i, source] of sources.entries()) {
    const bytes = await readFile(join(corpusDir, source));
    const hash = sha256(bytes);
    files.push({ source, sha256: hash, bytes: bytes.length });
    const reused = previous?.take(source, hash) ?? null;
    if (reused) {
      reusedDocs++;
      chunks.push(...reused.chunks);
      tables.push(...reused.tables);
      carried.push(...reused.vectors);
    } else {
      const doc = await loadDocument(corpusDir, source);
      const own = chunkDocument(doc);
      chunks.push(...own);
      if (opts.extractTables) tables.push(...opts.extractTables(doc));
      carried.push(...own.map(() => null));
    }
    onProgress?.({
      stage: "documents",
      done: i + 1,
      total: sources.length,
      source,
      reused: reused !== null,
    });
  }
  const lexical = buildLexicalIndex(chunks.map((c) => tokenize(`${c.section ?? ""} ${c.text}`)));
  const glossIndex = buildLexicalIndex(
    chunks.map((c) => (c.lang === "zh" && gloss ? tokenize(gloss(c.text)) : [])),
  );

  const vectors = await createHnswIndex(embedder.dimension, chunks.length);
  const toEmbed = carried.flatMap((v, label) => (v ? [] : [label]));
  carried.forEach((v, label) => v && vectors.add(v, label));
  const batch = opts.batchSize ?? 32;
  for (let i = 0; i < toEmbed.length; i += batch) {
    const labels = toEmbed.slice(i, i + batch);
    const vecs = await embedder.embed(
      labels.map((l) => embeddingText(chunks[l]!, embedder, gloss)),
      "passage",
    );
    vecs.forEach((v, j) => vectors.add(v, labels[j]!));
    onProgress?.({
      stage: "embedding",
      done: Math.min(toEmbed.length, i + batch),
      total: toEmbed.length,
    });
  }

  onProgress?.({ stage: "writing" });
  const draft: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    buildId: randomBytes(8).toString("hex"),
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((performance.now() - t0) / 100) / 10,
    embedder: {
      id: embedder.id,
      dimension: embedder.dimension,
      multilingual: embedder.multilingual,
    },
    glossed: Boolean(gloss),
    knowledge: opts.knowledgeHash,
    files,
    counts: {
      documents: files.length,
      chunks: chunks.length,
      tables: tables.length,
      terms: Object.keys(lexical.postings).length,
    },
    reuseKey: key,
    reused: { documents: reusedDocs, chunks: chunks.length - toEmbed.length },
    viewsVersion: VIEWS_VERSION,
  };
  let manifest = draft;
  await replaceDirAtomic(
    indexDir,
    async (dir) => {
      await writeFileAtomic(join(dir, INDEX_FILES.chunks), JSON.stringify(chunks));
      await writeFileAtomic(join(dir, INDEX_FILES.lexical), JSON.stringify(lexical));
      await writeFileAtomic(join(dir, INDEX_FILES.gloss), JSON.stringify(glossIndex));
      await writeFileAtomic(join(dir, INDEX_FILES.tables), JSON.stringify(tables));
      // Work that does not depend on a question, done once here rather than at every load.
      const views = createChunkViews(chunks, tables as Table[]);
      await writeFileAtomic(join(dir, INDEX_FILES.views), viewsJson(views));
      await vectors.save(join(dir, INDEX_FILES.vectors));
      // Every file written so far, so a server can tell a damaged file from a good one.
      manifest = { ...draft, checksums: await checksumFiles(dir) };
      // The manifest goes last: a directory without one is never mistaken for a finished index.
      await writeFileAtomic(join(dir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    },
    { warn },
  );
  return manifest;
}
