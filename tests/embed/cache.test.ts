import { describe, expect, it } from "vitest";
import { cachingEmbedder } from "../../src/embed/cache.js";
import type { Embedder } from "../../src/embed/types.js";

/** An embedder that records every call it gets. */
function counting(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: "count",
    dimension: 2,
    multilingual: false,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((t) => new Float32Array([t.length, 1]));
    },
  };
}

describe("cachingEmbedder", () => {
  it("embeds queries asked together in one batch and remembers them", async () => {
    const inner = counting();
    const e = cachingEmbedder(inner, { size: 10 });
    const [a, b, c] = await Promise.all([
      e.embed(["where is the port"], "query"),
      e.embed(["how old is it"], "query"),
      e.embed(["where is the port"], "query"),
    ]);
    expect(inner.calls).toEqual([["where is the port", "how old is it"]]);
    expect(a![0]).toBe(c![0]);
    expect(b![0]![0]).toBe(13);
    await e.embed(["how old is it"], "query");
    expect(inner.calls).toHaveLength(1);
  });
  it("forgets the least recently used query beyond its size, and never caches passages", async () => {
    const inner = counting();
    const e = cachingEmbedder(inner, { size: 1 });
    await e.embed(["one"], "query");
    await e.embed(["two"], "query");
    await e.embed(["one"], "query");
    expect(inner.calls).toEqual([["one"], ["two"], ["one"]]);
    await e.embed(["a passage"], "passage");
    await e.embed(["a passage"], "passage");
    expect(inner.calls.slice(3)).toEqual([["a passage"], ["a passage"]]);
  });
  it("passes a failure to every query of the batch", async () => {
    const e = cachingEmbedder(
      { ...counting(), embed: async () => Promise.reject(new Error("model gone")) },
      { size: 2 },
    );
    await expect(Promise.all([e.embed(["x"], "query"), e.embed(["y"], "query")])).rejects.toThrow(
      "model gone",
    );
  });
});
