import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createWorkersAiEmbedder,
  WORKERS_AI_MODEL,
  type AiRunner,
} from "../../src/embed/workers-ai.js";
import { cosine, describeEmbedderContract } from "./embedder.contract.js";

/**
 * A fake Workers AI binding: answers `run(model, { text })` as bge-m3 does (`{ shape, data }`), with
 * deterministic bag-of-words vectors of 1024 numbers that are not unit length. It records the
 * batches it was sent.
 */
function fakeAi(dimension = 1024): AiRunner & { batches: string[][]; models: string[] } {
  const batches: string[][] = [];
  const models: string[] = [];
  return {
    batches,
    models,
    async run(model, { text }) {
      models.push(model);
      batches.push(text);
      const data = text.map((t) => {
        const v = new Array<number>(dimension).fill(0.01);
        for (const w of t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [" "])
          v[createHash("md5").update(w).digest().readUInt32LE(0) % dimension]! += 3;
        return v;
      });
      return { shape: [text.length, dimension], data, pooling: "cls" };
    },
  };
}

describeEmbedderContract("workers-ai (fake binding)", async () =>
  createWorkersAiEmbedder(fakeAi()),
);

describe("createWorkersAiEmbedder", () => {
  it("is bge-m3: multilingual, 1024-d, with the id an index records", () => {
    expect(createWorkersAiEmbedder(fakeAi())).toMatchObject({
      id: `workers-ai:${WORKERS_AI_MODEL}`,
      dimension: 1024,
      multilingual: true,
    });
  });

  it("asks the model in batches, in order", async () => {
    const ai = fakeAi();
    const embedder = createWorkersAiEmbedder(ai, { batchSize: 2 });
    const texts = ["科學園區", "science park", "外資", "foreign capital", "北京"];
    const vectors = await embedder.embed(texts, "query");
    expect(ai.batches).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(ai.models).toEqual([WORKERS_AI_MODEL, WORKERS_AI_MODEL, WORKERS_AI_MODEL]);
    const [again] = await embedder.embed(["外資"], "query");
    expect(cosine(vectors[2]!, again!)).toBeCloseTo(1, 5);
  });

  it("fails with embedder_unavailable when the binding fails or answers another shape", async () => {
    const failing = createWorkersAiEmbedder({
      run: async () => Promise.reject(new Error("3040: capacity")),
    });
    await expect(failing.embed(["x"], "query")).rejects.toMatchObject({
      code: "embedder_unavailable",
      message: expect.stringMatching(/@cf\/baai\/bge-m3.*3040: capacity/u),
    });
    const short = createWorkersAiEmbedder(fakeAi(768));
    await expect(short.embed(["x"], "query")).rejects.toThrow(
      /expected 1024-d embeddings, got 768-d/u,
    );
    const odd = createWorkersAiEmbedder({ run: async () => ({ response: [] }) });
    await expect(odd.embed(["x"], "query")).rejects.toMatchObject({ code: "embedder_unavailable" });
  });

  it("needs the dimension of a model it does not know", () => {
    expect(() => createWorkersAiEmbedder(fakeAi(), { model: "@cf/some/other-model" })).toThrow(
      /dimension of Workers AI model @cf\/some\/other-model is not known/u,
    );
    expect(
      createWorkersAiEmbedder(fakeAi(768), { model: "@cf/some/other-model", dimension: 768 }).id,
    ).toBe("workers-ai:@cf/some/other-model");
  });
});
