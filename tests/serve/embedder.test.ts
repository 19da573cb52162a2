import { describe, expect, it } from "vitest";
import { noQueryEmbedder } from "../../src/embed/none.js";
import { shippedWeights } from "../../src/learn/shipped.js";
import type { Weights } from "../../src/learn/weights.js";
import { DENSE_FEATURES } from "../../src/retrieve/features.js";
import { checkQueryEmbedder } from "../../src/serve/embedder.js";
import { SCHEMA_VERSION, type Manifest } from "../../src/store/types.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";

const manifest = (id: string, dimension: number): Manifest => ({
  schemaVersion: SCHEMA_VERSION,
  builtAt: "2026-11-30T00:00:00.000Z",
  buildSeconds: 1,
  embedder: { id, dimension, multilingual: false },
  glossed: true,
  files: [],
  counts: { documents: 0, chunks: 0, tables: 0, terms: 0 },
});

/** The shipped weights with some weight on a dense feature, as a retrained ranking could have. */
function denseWeights(): Weights {
  const w = shippedWeights();
  const i = w.passage.features.indexOf(DENSE_FEATURES[0]!);
  const weights = [...w.passage.weights];
  weights[i] = 0.5;
  return { ...w, passage: { ...w.passage, weights } };
}

describe("which embedder may query an index", () => {
  it("accepts the encoder that built the index, and no other", () => {
    const built = manifest("test-hash", 64);
    expect(() => checkQueryEmbedder(built, createHashEmbedder(64), shippedWeights())).not.toThrow();
    expect(() =>
      checkQueryEmbedder(built, createHashEmbedder(64, "other"), shippedWeights()),
    ).toThrow(/built with test-hash \(64-d\) but the server uses other \(64-d\)/u);
    expect(() => checkQueryEmbedder(built, createHashEmbedder(32), shippedWeights())).toThrow(
      expect.objectContaining({ code: "index_incompatible" }),
    );
  });

  it("accepts no embedder at all while the fitted ranking gives dense features no weight", () => {
    const built = manifest("use-lite", 512);
    const none = noQueryEmbedder(built.embedder);
    expect(() => checkQueryEmbedder(built, none, shippedWeights())).not.toThrow();
    expect(() => checkQueryEmbedder(built, none, denseWeights())).toThrow(
      /uses dense features, so questions must be embedded with use-lite \(512-d\)/u,
    );
  });
});

describe("noQueryEmbedder", () => {
  it("carries the index's dimension and multilingual flag, and embeds nothing", async () => {
    const none = noQueryEmbedder({ dimension: 1024, multilingual: true });
    expect(none).toMatchObject({ id: "none", dimension: 1024, multilingual: true });
    expect(await none.embed([], "query")).toEqual([]);
    await expect(none.embed(["a question"], "query")).rejects.toMatchObject({
      code: "embedder_unavailable",
    });
  });
});
