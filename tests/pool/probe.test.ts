import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { probeEmbedder } from "../../src/pool/probe.js";

describe("probing the configured embedder", () => {
  it("says the identity of the model that loads, from a thread that then ends", async () => {
    const config = parseConfig({ EMBEDDER: "use-lite" });
    expect(await probeEmbedder(config, true)).toEqual({
      id: "use-lite",
      dimension: 512,
      multilingual: false,
    });
  }, 60_000);

  it("reports a model that cannot load as embedder_unavailable", async () => {
    const config = parseConfig({
      EMBEDDER: "transformers",
      EMBEDDING_MODEL: "nobody/no-such-model",
      MODEL_DIR: "/nonexistent",
      ALLOW_REMOTE_MODELS: "false",
    });
    await expect(probeEmbedder(config, true)).rejects.toMatchObject({
      code: "embedder_unavailable",
    });
  }, 60_000);
});
