import { beforeAll, describe, expect, it } from "vitest";
import type { VectorSearch } from "../../src/store/types.js";

/** Unit vectors of `values`. */
export const unit = (values: readonly number[]): Float32Array => {
  const v = Float32Array.from(values);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

/** Four 3-d passages: two near the x axis, one on y, one on z. */
export const VECTORS = [unit([1, 0, 0]), unit([0.9, 0.1, 0]), unit([0, 1, 0]), unit([0, 0, 1])];

/**
 * Behaviour every `VectorSearch` must show (as Hono runs one suite against all its routers):
 * `create` gets {@link VECTORS} and returns a search over them, labels 0–3.
 *
 * @example
 *   describeVectorSearchContract("exact", async (v) => createExactIndex(3, concat(v)));
 */
export function describeVectorSearchContract(
  name: string,
  create: (vectors: readonly Float32Array[], dimension: number) => Promise<VectorSearch>,
): void {
  describe(`VectorSearch contract: ${name}`, () => {
    let index: VectorSearch;
    beforeAll(async () => {
      index = await create(VECTORS, 3);
    });

    it("knows its dimension and size", () => {
      expect(index.dimension).toBe(3);
      expect(index.size()).toBe(4);
    });

    it("finds the nearest vectors by cosine similarity, best first", async () => {
      const hits = await index.search(unit([1, 0.05, 0]), 2);
      expect(hits.map((h) => h.label)).toEqual([0, 1]);
      expect(hits[0]!.similarity).toBeGreaterThan(hits[1]!.similarity);
      expect(hits[0]!.similarity).toBeCloseTo(0.9988, 3);
    });

    it("returns an exact match with similarity 1", async () => {
      const [hit] = await index.search(unit([0, 0, 1]), 1);
      expect(hit).toEqual({ label: 3, similarity: expect.closeTo(1, 4) });
    });

    it("returns every vector when k is larger than the index, and none for k = 0", async () => {
      const all = await index.search(unit([0, 1, 0]), 10);
      expect(all.map((h) => h.label).sort()).toEqual([0, 1, 2, 3]);
      expect(all[0]!.label).toBe(2);
      expect(await index.search(unit([0, 1, 0]), 0)).toEqual([]);
    });
  });
}
