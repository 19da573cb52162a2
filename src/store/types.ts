import { z } from "zod";

/** Bumped whenever the on-disk layout or chunking changes, so old indexes are rebuilt. */
export const SCHEMA_VERSION = 10;

export const ManifestSchema = z.object({
  schemaVersion: z.number(),
  /** Unique per build: a server reloads when it changes (older indexes without one use `builtAt`). */
  buildId: z.string().optional(),
  builtAt: z.string(),
  buildSeconds: z.number(),
  embedder: z.object({ id: z.string(), dimension: z.number(), multilingual: z.boolean() }),
  /** Whether Chinese passages were glossed into English (needs the dictionary); part of staleness. */
  glossed: z.boolean(),
  /**
   * Hash of the corpus knowledge files (`<corpus>/knowledge/*.json`) the build read: glosses use the
   * dictionary supplement and gazetteer, tables the places and concepts. Part of staleness.
   */
  knowledge: z.string().optional(),
  files: z.array(z.object({ source: z.string(), sha256: z.string(), bytes: z.number() })),
  counts: z.object({
    documents: z.number(),
    chunks: z.number(),
    tables: z.number(),
    terms: z.number(),
  }),
  /**
   * Fingerprint of everything besides a file's bytes that shapes its chunks, tables and vectors
   * (schema, embedder, glosses, corpus knowledge, extra build inputs): a later build reuses a document
   * only under the same key.
   */
  reuseKey: z.string().optional(),
  /** What this build took over from the previous index instead of extracting and embedding again. */
  reused: z.object({ documents: z.number(), chunks: z.number() }).optional(),
  /**
   * SHA-256 of every other file of the index, by file name, checked when the index is loaded.
   * Indexes written before checksums were recorded lack it and are rebuilt (reusing their documents).
   */
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/u)).optional(),
  /**
   * Version of the passage analysis stored in `views.json` (`VIEWS_VERSION`): a server reads the
   * stored views only under its own version, and otherwise analyses the passages at load.
   */
  viewsVersion: z.number().optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** A passage's vector found near a query: its label (chunk index) and cosine similarity. */
export interface Neighbour {
  label: number;
  similarity: number;
}

/**
 * Nearest-neighbour search over unit vectors, as retrieval reads it; labels are chunk indexes.
 * Asynchronous, so an index held elsewhere (Vectorize) can stand behind it as well as one in memory.
 */
export interface VectorSearch {
  readonly dimension: number;
  /** How many vectors the index holds. */
  size(): number;
  search(vector: Float32Array, k: number): Promise<Neighbour[]>;
}

/** A vector index the build fills and saves: search, plus adding and reading back vectors. */
export interface VectorIndex extends VectorSearch {
  add(vector: Float32Array, label: number): void;
  /** The stored vector of `label` (unit length), e.g. to carry it into the next build. */
  vector(label: number): Float32Array;
  save(path: string): Promise<void>;
}
