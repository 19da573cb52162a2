import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answerer.js";
import { SENTINEL } from "../../src/answer/generative/verify.js";
import { generatorFromConfig } from "../../src/cli/generator.js";
import { loadState } from "../../src/cli/load-state.js";
import { loadLanguage } from "../../src/cli/wire.js";
import { parseConfig } from "../../src/config.js";
import { startChatServer } from "../fixtures/chat-server.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";
import { CORPUS_DIR, readyIndexDir } from "../fixtures/service.js";

let server: Awaited<ReturnType<typeof startChatServer>>;
beforeAll(async () => {
  server = await startChatServer({ scripted: () => ({ kind: "stream", pieces: [SENTINEL] }) });
});
afterAll(() => server.close());

describe("loadState with the configured generator", () => {
  it("answers generatively with GENERATOR_URL set, and never calls a model without it", async () => {
    const env = { CORPUS_DIR, INDEX_DIR: await readyIndexDir() };
    const question = "How large had the zone's count of new-tech firms grown by late 1994?";
    const logs: string[] = [];
    const on = parseConfig({
      ...env,
      GENERATOR_URL: `${server.url}/v1`,
      GENERATOR_MODEL: "scripted",
    });
    const generator = await generatorFromConfig(on, (m) => logs.push(m));
    expect(logs[0]).toMatch(/^generator: scripted at http:\/\/127\.0\.0\.1:\d+ writes answers/u);
    const language = await loadLanguage(CORPUS_DIR, { lexicon: false });
    const state = await loadState(on, createHashEmbedder(), language, undefined, generator);
    expect(await answerQuestion(state.qa, state.generative, { question })).toMatchObject({
      answerer: "generative",
      abstained: true,
    });
    expect(server.requests).toHaveLength(1);

    const off = parseConfig(env);
    const plain = await loadState(
      off,
      createHashEmbedder(),
      language,
      undefined,
      await generatorFromConfig(off, (m) => logs.push(m)),
    );
    expect(plain.generative).toBeNull();
    expect(await answerQuestion(plain.qa, plain.generative, { question })).toMatchObject({
      answerer: "extractive",
    });
    expect(server.requests).toHaveLength(1);
  }, 120_000);
});
