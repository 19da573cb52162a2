import type { VectorIndex } from "./types.js";

/** HNSW construction parameters; defaults suit a corpus of a few thousand passages. */
export interface HnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
}
const DEFAULTS: HnswOptions = { m: 16, efConstruction: 200, efSearch: 100 };

async function hnswlib() {
  const mod = await import("hnswlib-node");
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/**
 * A cosine HNSW index (hnswlib-node) with room for `capacity` vectors.
 *
 * @example
 *   const index = await createHnswIndex(512, chunks.length);
 */
export async function createHnswIndex(
  dimension: number,
  capacity: number,
  opts: Partial<HnswOptions> = {},
): Promise<VectorIndex> {
  const { HierarchicalNSW } = await hnswlib();
  const o = { ...DEFAULTS, ...opts };
  const index = new HierarchicalNSW("cosine", dimension);
  index.initIndex(Math.max(1, capacity), o.m, o.efConstruction, 100);
  index.setEf(o.efSearch);
  return wrap(index, dimension);
}

/** Loads an index written by `save`. */
export async function loadHnswIndex(
  path: string,
  dimension: number,
  efSearch = DEFAULTS.efSearch,
): Promise<VectorIndex> {
  const { HierarchicalNSW } = await hnswlib();
  const index = new HierarchicalNSW("cosine", dimension);
  await index.readIndex(path);
  index.setEf(efSearch);
  return wrap(index, dimension);
}

type Native = InstanceType<Awaited<ReturnType<typeof hnswlib>>["HierarchicalNSW"]>;

function wrap(index: Native, dimension: number): VectorIndex {
  return {
    dimension,
    add: (vector, label) => index.addPoint(Array.from(vector), label),
    async search(vector, k) {
      const n = Math.min(k, index.getCurrentCount());
      if (n === 0) return [];
      const { neighbors, distances } = index.searchKnn(Array.from(vector), n);
      return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
    },
    vector: (label) => Float32Array.from(index.getPoint(label)),
    size: () => index.getCurrentCount(),
    save: async (path) => {
      await index.writeIndex(path);
    },
  };
}
