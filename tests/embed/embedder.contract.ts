import { beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/types.js";

/** Cosine similarity of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}

const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));

const FIRM = "The firm spends on research and development.";
const RIVER = "The river flows through the mountains.";

/**
 * Behaviour every `Embedder` must show, run against each implementation (as Hono runs one suite
 * against all its routers). Texts use words the tiny test model knows.
 *
 * @example
 *   describeEmbedderContract("use-lite", () => createUseLiteEmbedder());
 */
export function describeEmbedderContract(name: string, create: () => Promise<Embedder>): void {
  describe(`Embedder contract: ${name}`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await create();
    }, 60_000);

    it("has an id and a positive dimension", () => {
      expect(embedder.id).not.toBe("");
      expect(embedder.dimension).toBeGreaterThan(0);
    });

    it("returns one unit-length Float32Array of the declared dimension per text", async () => {
      const vectors = await embedder.embed([FIRM, RIVER, "北京"], "passage");
      expect(vectors).toHaveLength(3);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v).toHaveLength(embedder.dimension);
        expect(norm(v)).toBeCloseTo(1, 4);
      }
    });

    it("returns nothing for no texts", async () => {
      expect(await embedder.embed([], "query")).toEqual([]);
    });

    it("keeps one unit vector per text when a text is empty", async () => {
      const vectors = await embedder.embed([FIRM, "", RIVER, ""], "passage");
      expect(vectors).toHaveLength(4);
      for (const v of vectors) expect(norm(v)).toBeCloseTo(1, 4);
      expect(await embedder.embed([""], "query")).toHaveLength(1);
    });

    it("gives the same vector for the same text and different vectors for different texts", async () => {
      const [a, b, c] = await embedder.embed([FIRM, FIRM, RIVER], "query");
      expect(cosine(a!, b!)).toBeCloseTo(1, 5);
      expect(cosine(a!, c!)).toBeLessThan(0.999);
    });

    it("does not let batching change a text's vector", async () => {
      const texts = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `${FIRM} ${i}` : RIVER));
      const all = await embedder.embed(texts, "passage");
      const [alone] = await embedder.embed([texts[38]!], "passage");
      expect(all).toHaveLength(40);
      expect(cosine(all[38]!, alone!)).toBeCloseTo(1, 4);
    }, 30_000);
  });
}
