import { describe, expect, it } from "vitest";
import { deferredEmbedder } from "../../src/embed/deferred.js";
import type { Embedder } from "../../src/embed/types.js";

const identity = { id: "fake", dimension: 2, multilingual: false };
const fake = (id = "fake"): Embedder => ({
  ...identity,
  id,
  embed: async (texts) => texts.map(() => Float32Array.of(1, 0)),
});

describe("a deferred embedder", () => {
  it("loads its model on the first embedding only, and again after a failed load", async () => {
    let loads = 0;
    const embedder = deferredEmbedder(identity, async () => {
      if (++loads === 1) throw new Error("hub unreachable");
      return fake();
    });
    expect(embedder.id).toBe("fake");
    expect(loads).toBe(0);
    await expect(embedder.embed(["a"], "query")).rejects.toThrow("hub unreachable");
    expect(await embedder.embed(["a", "b"], "query")).toHaveLength(2);
    await embedder.embed(["c"], "passage");
    expect(loads).toBe(2);
  });

  it("refuses a model that loads with another identity", async () => {
    const embedder = deferredEmbedder(identity, async () => fake("other"));
    await expect(embedder.embed(["a"], "query")).rejects.toThrow(/Expected embedder fake/u);
  });
});
