import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTransformersEmbedder,
  isMultilingualModel,
  prefixFor,
} from "../../src/embed/transformers.js";
import { AppError } from "../../src/errors.js";
import { cosine, describeEmbedderContract } from "./embedder.contract.js";
import { TINY_HIDDEN, writeTinyModel } from "./tiny-model.js";

const root = await writeTinyModel(["tiny-bert", "tiny-e5"]);
afterAll(() => rm(root, { recursive: true, force: true }));
const load = (model: string) =>
  createTransformersEmbedder({ model, localModelPath: root, allowRemote: false });

describeEmbedderContract("transformers (tiny local model)", () => load("tiny-bert"));

describe("createTransformersEmbedder", () => {
  it("discovers the dimension from the model and names itself after it", async () => {
    const embedder = await load("tiny-bert");
    expect(embedder).toMatchObject({
      id: "transformers:tiny-bert",
      dimension: TINY_HIDDEN,
      multilingual: false,
    });
  });

  it("embeds queries and passages alike for models trained without prefixes", async () => {
    const embedder = await load("tiny-bert");
    const [query] = await embedder.embed(["hello world"], "query");
    const [passage] = await embedder.embed(["hello world"], "passage");
    expect(cosine(query!, passage!)).toBeCloseTo(1, 5);
  });

  it("prefixes e5 models' texts with query: and passage:", async () => {
    const embedder = await load("tiny-e5");
    const [query] = await embedder.embed(["hello world"], "query");
    const [passage] = await embedder.embed(["hello world"], "passage");
    expect(cosine(query!, passage!)).toBeLessThan(0.999);
  });

  it("fails with embedder_unavailable when the model is missing and remote loading is off", async () => {
    const error = await load("no-such-model").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "embedder_unavailable" });
    expect((error as Error).message).toContain("no-such-model");
  });
});

describe("model name rules", () => {
  it("recognises multilingual models by name", () => {
    expect(isMultilingualModel("Xenova/multilingual-e5-small")).toBe(true);
    expect(isMultilingualModel("Xenova/LaBSE")).toBe(true);
    expect(isMultilingualModel("Xenova/paraphrase-multilingual-MiniLM-L12-v2")).toBe(true);
    expect(isMultilingualModel("Xenova/bge-m3")).toBe(true);
    expect(isMultilingualModel("Xenova/all-MiniLM-L6-v2")).toBe(false);
    expect(isMultilingualModel("Xenova/e5-small-v2")).toBe(false);
  });

  it("prefixes only e5 models", () => {
    expect(prefixFor("Xenova/multilingual-e5-small", "query", "R&D")).toBe("query: R&D");
    expect(prefixFor("Xenova/e5-small-v2", "passage", "R&D")).toBe("passage: R&D");
    expect(prefixFor("Xenova/all-MiniLM-L6-v2", "query", "R&D")).toBe("R&D");
  });
});
