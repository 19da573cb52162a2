import { AppError } from "../errors.js";
import type { Neighbour, VectorSearch } from "./types.js";

/** An exact in-memory vector index: every vector compared with the query, in plain TypeScript. */
export interface ExactIndex extends VectorSearch {
  add(vector: Float32Array, label: number): void;
  /** The stored vector of `label`. */
  vector(label: number): Float32Array;
  /** All vectors, row-major (`label * dimension`), as stored; what `vectors.f32` holds. */
  data(): Float32Array;
}

/**
 * An exact nearest-neighbour index over unit vectors: the similarity is the dot product, computed
 * for every stored vector (a few thousand passages take well under a millisecond per query). Runs
 * anywhere JavaScript does — no native module — so the Worker uses it, and Node can.
 * `data` (row-major, a multiple of `dimension` long) is taken as it is, not copied.
 *
 * @example
 *   const index = createExactIndex(3, new Float32Array([1, 0, 0, 0, 1, 0]));
 *   await index.search(new Float32Array([0, 1, 0]), 1) // → [{ label: 1, similarity: 1 }]
 */
export function createExactIndex(dimension: number, data?: Float32Array): ExactIndex {
  if (!Number.isInteger(dimension) || dimension < 1)
    throw new RangeError(`A vector index needs a positive dimension, not ${dimension}.`);
  if (data && data.length % dimension !== 0)
    throw new AppError(
      "index_invalid",
      `The vectors hold ${data.length} numbers, not a multiple of the dimension ${dimension}.`,
    );
  let store = data ?? new Float32Array(0);
  let count = store.length / dimension;
  const check = (vector: Float32Array) => {
    if (vector.length !== dimension)
      throw new RangeError(`A ${vector.length}-d vector was given to a ${dimension}-d index.`);
  };
  return {
    dimension,
    size: () => count,
    data: () => store.subarray(0, count * dimension),
    add(vector, label) {
      check(vector);
      if (!Number.isInteger(label) || label < 0)
        throw new RangeError(`A vector label is a chunk index, not ${label}.`);
      if ((label + 1) * dimension > store.length) {
        // Grow by doubling, so adding n vectors copies O(n) numbers in all.
        const grown = new Float32Array(Math.max((label + 1) * dimension, store.length * 2));
        grown.set(store);
        store = grown;
      }
      store.set(vector, label * dimension);
      count = Math.max(count, label + 1);
    },
    vector(label) {
      if (!Number.isInteger(label) || label < 0 || label >= count)
        throw new RangeError(`No vector has the label ${label}.`);
      return store.slice(label * dimension, (label + 1) * dimension);
    },
    async search(vector, k) {
      check(vector);
      return nearest(store, count, dimension, vector, k);
    },
  };
}

/** The `k` rows of `data` with the largest dot product with `query`, best first (ties: lower label). */
function nearest(
  data: Float32Array,
  count: number,
  dimension: number,
  query: Float32Array,
  k: number,
): Neighbour[] {
  const n = Math.min(Math.max(0, Math.floor(k)), count);
  if (n === 0) return [];
  const scores = new Float64Array(count);
  for (let label = 0, offset = 0; label < count; label++, offset += dimension) {
    let dot = 0;
    for (let j = 0; j < dimension; j++) dot += data[offset + j]! * query[j]!;
    scores[label] = dot;
  }
  const labels = Array.from({ length: count }, (_, i) => i);
  labels.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return labels.slice(0, n).map((label) => ({ label, similarity: scores[label]! }));
}
