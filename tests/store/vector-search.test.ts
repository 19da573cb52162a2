import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { createExactIndex } from "../../src/store/exact.js";
import { createHnswIndex } from "../../src/store/hnsw.js";
import {
  createVectorizeSearch,
  VECTORIZE_MAX_TOP_K,
  type VectorizeBinding,
} from "../../src/store/vectorize.js";
import { describeVectorSearchContract, unit, VECTORS } from "./vector-search.contract.js";

const concat = (vectors: readonly Float32Array[], dimension: number) => {
  const data = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => data.set(v, i * dimension));
  return data;
};

/**
 * A fake Vectorize binding: cosine metric over vectors upserted by id and namespace, answering as
 * the service does (scores, ids, at most topK matches). It records the queries it was asked.
 */
function fakeVectorize(
  stored: ReadonlyArray<{ id: string; values: Float32Array; namespace: string }>,
): VectorizeBinding & { queries: Array<{ topK: number; namespace?: string }> } {
  const queries: Array<{ topK: number; namespace?: string }> = [];
  return {
    queries,
    async query(vector, options) {
      queries.push({ topK: options.topK, namespace: options.namespace });
      if (options.topK > VECTORIZE_MAX_TOP_K) throw new Error("topK too large");
      const q = Float32Array.from(vector);
      const matches = stored
        .filter((s) => s.namespace === options.namespace)
        .map((s) => ({ id: s.id, score: s.values.reduce((sum, x, i) => sum + x * q[i]!, 0) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, options.topK);
      return { matches };
    },
  };
}

const ids = VECTORS.map((_, i) => `p${i}`);

describeVectorSearchContract("exact", async (vectors, dimension) =>
  createExactIndex(dimension, concat(vectors, dimension)),
);
describeVectorSearchContract("exact, filled by add", async (vectors, dimension) => {
  const index = createExactIndex(dimension);
  vectors.forEach((v, label) => index.add(v, label));
  return index;
});
describeVectorSearchContract("hnsw", async (vectors, dimension) => {
  const index = await createHnswIndex(dimension, vectors.length);
  vectors.forEach((v, label) => index.add(v, label));
  return index;
});
describeVectorSearchContract("vectorize (fake binding)", async (vectors, dimension) =>
  createVectorizeSearch(
    fakeVectorize(vectors.map((values, i) => ({ id: ids[i]!, values, namespace: "build-1" }))),
    { dimension, ids, namespace: "build-1" },
  ),
);

describe("createExactIndex", () => {
  it("grows as vectors are added and gives them back, row by row", () => {
    const index = createExactIndex(3);
    index.add(VECTORS[2]!, 2);
    index.add(VECTORS[0]!, 0);
    expect(index.size()).toBe(3);
    expect(Array.from(index.vector(2))).toEqual(Array.from(VECTORS[2]!));
    expect(index.data()).toHaveLength(9);
    expect(Array.from(index.data().subarray(6))).toEqual(Array.from(VECTORS[2]!));
  });

  it("refuses vectors of another dimension and data that is not whole rows", async () => {
    const index = createExactIndex(3, concat(VECTORS, 3));
    await expect(index.search(unit([1, 0]), 1)).rejects.toThrow(/2-d vector was given to a 3-d/u);
    expect(() => index.vector(4)).toThrow(RangeError);
    expect(() => createExactIndex(3, new Float32Array(4))).toThrow(AppError);
  });

  it("breaks ties by the lower label", async () => {
    const index = createExactIndex(2, concat([unit([1, 0]), unit([1, 0])], 2));
    expect((await index.search(unit([1, 0]), 2)).map((h) => h.label)).toEqual([0, 1]);
  });
});

describe("createVectorizeSearch", () => {
  const store = VECTORS.map((values, i) => ({ id: ids[i]!, values, namespace: "build-2" }));

  it("asks only the build's namespace, so vectors of another build never answer", async () => {
    const binding = fakeVectorize([
      ...store,
      { id: "p9", values: unit([1, 0, 0]), namespace: "build-1" },
    ]);
    const search = createVectorizeSearch(binding, { dimension: 3, ids, namespace: "build-2" });
    const hits = await search.search(unit([1, 0, 0]), 4);
    expect(hits.map((h) => h.label)).toEqual([0, 1, 2, 3]);
    expect(binding.queries).toEqual([{ topK: 4, namespace: "build-2" }]);
  });

  it("asks for at most 100 neighbours, however many the retriever wants", async () => {
    const many = Array.from({ length: 150 }, (_, i) => `q${i}`);
    const binding = fakeVectorize([]);
    const search = createVectorizeSearch(binding, { dimension: 3, ids: many, namespace: "b" });
    await search.search(unit([1, 0, 0]), 120);
    expect(binding.queries[0]!.topK).toBe(VECTORIZE_MAX_TOP_K);
  });

  it("drops ids this build does not know (they may take a place among the neighbours)", async () => {
    const binding = fakeVectorize([
      ...store,
      { id: "stale", values: unit([1, 0, 0]), namespace: "build-2" },
    ]);
    const search = createVectorizeSearch(binding, { dimension: 3, ids, namespace: "build-2" });
    expect((await search.search(unit([1, 0, 0]), 4)).map((h) => h.label)).toEqual([0, 1, 2]);
  });

  it("turns a failing binding into a 503 vectors_unavailable", async () => {
    const search = createVectorizeSearch(
      { query: async () => Promise.reject(new Error("network down")) },
      { dimension: 3, ids, namespace: "b" },
    );
    await expect(search.search(unit([1, 0, 0]), 3)).rejects.toMatchObject({
      code: "vectors_unavailable",
      message: expect.stringMatching(/network down/u),
    });
  });
});
