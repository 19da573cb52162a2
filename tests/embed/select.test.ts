import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_MODEL, selectEmbedder } from "../../src/embed/select.js";
import { AppError } from "../../src/errors.js";
import { writeTinyModel } from "./tiny-model.js";

const root = await writeTinyModel(["tiny-bert"]);
afterAll(() => rm(root, { recursive: true, force: true }));

function collect() {
  const lines: string[] = [];
  return { lines, log: (msg: string) => void lines.push(msg) };
}

describe("selectEmbedder", () => {
  it("defaults to the multilingual e5 model", () => {
    expect(DEFAULT_MODEL).toBe("Xenova/multilingual-e5-small");
  });

  it("picks the Transformers.js model when it loads", async () => {
    const { lines, log } = collect();
    const embedder = await selectEmbedder({
      prefer: "auto",
      model: "tiny-bert",
      localModelPath: root,
      allowRemote: false,
      log,
    });
    expect(embedder.id).toBe("transformers:tiny-bert");
    expect(lines).toEqual([expect.stringContaining("embedder: transformers:tiny-bert")]);
  });

  it("falls back to use-lite and says why when the model is missing", async () => {
    const { lines, log } = collect();
    const embedder = await selectEmbedder({
      prefer: "auto",
      model: "missing-model",
      localModelPath: root,
      allowRemote: false,
      log,
    });
    expect(embedder.id).toBe("use-lite");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^embedder: use-lite \(offline\)\. .*missing-model.*not found/);
  }, 60_000);

  it("throws when transformers is forced and the model is missing", async () => {
    const error = await selectEmbedder({
      prefer: "transformers",
      model: "missing-model",
      localModelPath: root,
      allowRemote: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "embedder_unavailable" });
  });

  it("uses use-lite directly when forced", async () => {
    const embedder = await selectEmbedder({
      prefer: "use-lite",
      model: "tiny-bert",
      localModelPath: root,
      allowRemote: false,
    });
    expect(embedder.id).toBe("use-lite");
  }, 60_000);

  it("gives up on a model that takes longer than the timeout", async () => {
    const { lines, log } = collect();
    const embedder = await selectEmbedder({
      prefer: "auto",
      model: "tiny-bert",
      localModelPath: root,
      allowRemote: false,
      log,
      timeoutMs: 1,
    });
    expect(embedder.id).toBe("use-lite");
    expect(lines[0]).toContain("within");
  }, 60_000);
});
