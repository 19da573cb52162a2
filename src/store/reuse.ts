import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk } from "../chunks/types.js";
import { damagedFile } from "./checksums.js";
import { loadHnswIndex } from "./hnsw.js";
import { INDEX_FILES } from "./index-data.js";
import { readManifest } from "./load-index.js";
import { SCHEMA_VERSION } from "./types.js";

/** What shapes a document's chunks, tables and vectors besides its bytes. */
export interface ReuseInputs {
  embedder: { id: string; dimension: number };
  glossed: boolean;
  /** Hash of the corpus knowledge files the extraction and glosses read; "" when none is given. */
  knowledge?: string;
  /** Any further build input (e.g. a hash of data files the extraction reads); "" when none. */
  extra?: string;
}

/**
 * The key under which an index's documents may be reused by a later build: equal keys mean an
 * unchanged file would be extracted and embedded exactly as before.
 *
 * @example
 *   reuseKey({ embedder: { id: "use-lite", dimension: 512 }, glossed: true, knowledge: "3f1c…" }) // → "5f0c…" (hex)
 */
export function reuseKey(inputs: ReuseInputs): string {
  const parts = [
    `schema:${SCHEMA_VERSION}`,
    `embedder:${inputs.embedder.id}:${inputs.embedder.dimension}`,
    `glossed:${inputs.glossed}`,
    `knowledge:${inputs.knowledge ?? ""}`,
    `extra:${inputs.extra ?? ""}`,
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);
}

/** One document of the previous index, ready to be placed in the new one. */
export interface ReusedDocument {
  chunks: Chunk[];
  tables: unknown[];
  /** One vector per chunk, in the same order. */
  vectors: Float32Array[];
}

/** The previous index, lending unchanged documents to a new build. */
export interface PreviousIndex {
  /** The document's chunks, tables and vectors when `source` had these bytes before, else null. */
  take(source: string, sha256: string): ReusedDocument | null;
}

const sourceOf = (table: unknown): unknown =>
  typeof table === "object" && table !== null ? (table as { source?: unknown }).source : undefined;

/**
 * Opens the index in `indexDir` for reuse under `key`. Returns null with the reason when nothing can
 * be reused: no index, another key (schema, embedder, glosses or knowledge changed), or files that disagree
 * with each other (then the build starts from scratch rather than trust them).
 *
 * @example
 *   const { previous } = await openPrevious("index/current", reuseKey(inputs));
 *   previous?.take("chen-2014.txt", sha) // → { chunks, tables, vectors } or null
 */
export async function openPrevious(
  indexDir: string,
  key: string,
): Promise<{ previous: PreviousIndex | null; reason: string | null }> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return { previous: null, reason: "no previous index" };
  if (manifest.reuseKey !== key)
    return { previous: null, reason: "schema, embedder, glosses or corpus knowledge changed" };
  // Damaged files are not carried into the next index (a flipped bit in vectors.hnsw parses fine).
  const damaged = await damagedFile(indexDir, manifest);
  if (damaged) return { previous: null, reason: `the previous index's ${damaged} is damaged` };
  try {
    const [chunksText, tablesText, vectors] = await Promise.all([
      readFile(join(indexDir, INDEX_FILES.chunks), "utf8"),
      readFile(join(indexDir, INDEX_FILES.tables), "utf8"),
      loadHnswIndex(join(indexDir, INDEX_FILES.vectors), manifest.embedder.dimension),
    ]);
    const chunks = JSON.parse(chunksText) as Chunk[];
    const tables = JSON.parse(tablesText) as unknown[];
    // Another build may have swapped the directory while we read it: then the parts could mix.
    const after = await readManifest(indexDir);
    if (after?.buildId !== manifest.buildId)
      return { previous: null, reason: "the index changed while it was read" };
    if (chunks.length !== manifest.counts.chunks || vectors.size() !== chunks.length)
      return { previous: null, reason: "the previous index's files disagree" };
    const hashes = new Map(manifest.files.map((f) => [f.source, f.sha256]));
    const labels = new Map<string, number[]>();
    chunks.forEach((c, label) => {
      const list = labels.get(c.source) ?? [];
      list.push(label);
      labels.set(c.source, list);
    });
    return {
      reason: null,
      previous: {
        take(source, sha256) {
          if (hashes.get(source) !== sha256) return null;
          const mine = labels.get(source) ?? [];
          return {
            chunks: mine.map((l) => chunks[l]!),
            tables: tables.filter((t) => sourceOf(t) === source),
            vectors: mine.map((l) => vectors.vector(l)),
          };
        },
      },
    };
  } catch (e) {
    return { previous: null, reason: `previous index unreadable (${(e as Error).message})` };
  }
}
