import { z } from "zod";

/** Bumped whenever the on-disk layout or chunking changes, so old indexes are rebuilt. */
export const SCHEMA_VERSION = 6;

export const ManifestSchema = z.object({
  schemaVersion: z.number(),
  builtAt: z.string(),
  buildSeconds: z.number(),
  embedder: z.object({ id: z.string(), dimension: z.number(), multilingual: z.boolean() }),
  /** Whether Chinese passages were glossed into English (needs the dictionary); part of staleness. */
  glossed: z.boolean(),
  files: z.array(z.object({ source: z.string(), sha256: z.string(), bytes: z.number() })),
  counts: z.object({
    documents: z.number(),
    chunks: z.number(),
    tables: z.number(),
    terms: z.number(),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Nearest-neighbour search over unit vectors; labels are chunk indexes. */
export interface VectorIndex {
  readonly dimension: number;
  add(vector: Float32Array, label: number): void;
  search(vector: Float32Array, k: number): Array<{ label: number; similarity: number }>;
  save(path: string): Promise<void>;
}
