import { AppError } from "../errors.js";
import type { Neighbour, VectorSearch } from "./types.js";

/** The part of a Cloudflare Vectorize binding (`env.VECTORIZE`) that search uses. */
export interface VectorizeBinding {
  query(
    vector: Float32Array | number[],
    options: {
      topK: number;
      namespace?: string;
      returnValues?: boolean;
      returnMetadata?: "none" | "indexed" | "all";
    },
  ): Promise<{ matches: ReadonlyArray<{ id: string; score: number }> }>;
}

/** Vectorize returns at most 100 matches for a query that asks for neither values nor metadata. */
export const VECTORIZE_MAX_TOP_K = 100;

/** Options of {@link createVectorizeSearch}. */
export interface VectorizeSearchOptions {
  dimension: number;
  /** The passage id of each label (chunk index): the vectors are stored under these ids. */
  ids: readonly string[];
  /**
   * The namespace the vectors of this build were upserted into (its build id), so a query never
   * meets vectors of another build that the index still holds.
   */
  namespace: string;
}

/**
 * Vector search in a Cloudflare Vectorize index (metric `cosine`), for corpora whose vectors do not
 * fit a Worker's memory. Vectors are stored under passage ids in the build's namespace
 * (`npm run build:worker` writes them as `vectorize.ndjson`); matches map back to chunk indexes,
 * and ids this build does not know are dropped. At most {@link VECTORIZE_MAX_TOP_K} neighbours.
 *
 * @example
 *   const vectors = createVectorizeSearch(env.VECTORIZE, { dimension: 1024, ids, namespace: manifest.buildId });
 *   await vectors.search(queryVector, 120) // → up to 100 { label, similarity }, best first
 */
export function createVectorizeSearch(
  binding: VectorizeBinding,
  opts: VectorizeSearchOptions,
): VectorSearch {
  const labels = new Map(opts.ids.map((id, label) => [id, label]));
  return {
    dimension: opts.dimension,
    size: () => opts.ids.length,
    async search(vector, k) {
      if (vector.length !== opts.dimension)
        throw new RangeError(
          `A ${vector.length}-d vector was given to a ${opts.dimension}-d index.`,
        );
      const topK = Math.min(Math.floor(k), VECTORIZE_MAX_TOP_K, opts.ids.length);
      if (topK <= 0) return [];
      let matches: ReadonlyArray<{ id: string; score: number }>;
      try {
        ({ matches } = await binding.query(vector, {
          topK,
          namespace: opts.namespace,
          returnValues: false,
          returnMetadata: "none",
        }));
      } catch (cause) {
        throw new AppError(
          "vectors_unavailable",
          `The Vectorize index could not be searched (${(cause as Error).message}).`,
          { cause },
        );
      }
      const found: Neighbour[] = [];
      for (const m of matches) {
        const label = labels.get(m.id);
        if (label !== undefined) found.push({ label, similarity: m.score });
      }
      return found.sort((a, b) => b.similarity - a.similarity || a.label - b.label);
    },
  };
}
