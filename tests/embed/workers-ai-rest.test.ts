import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedderFromConfig, indexInputs, loadLanguage } from "../../src/cli/wire.js";
import { parseConfig } from "../../src/config.js";
import { selectEmbedder } from "../../src/embed/select.js";
import { workersAiRest } from "../../src/embed/workers-ai-rest.js";
import { createWorkersAiEmbedder, WORKERS_AI_MODEL } from "../../src/embed/workers-ai.js";
import { buildIndex } from "../../src/store/build.js";
import { readManifest } from "../../src/store/load-index.js";
import { queryEmbedder } from "../../src/worker/state.js";
import { CORPUS_DIR } from "../fixtures/knowledge.js";
import { cosine } from "./embedder.contract.js";

const ACCOUNT = "0123abcd";
const TOKEN = "test-token";

/** Bag-of-words vectors of 1024 numbers, as bge-m3's shape. */
const vectorOf = (text: string) => {
  const v = new Array<number>(1024).fill(0.01);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    v[createHash("md5").update(w).digest().readUInt32LE(0) % 1024]! += 3;
  return v;
};

const bodyOf = async (req: IncomingMessage) => {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return body;
};

/** Cloudflare's API as far as Workers AI embeddings go, on 127.0.0.1. */
let server: Server;
let base: string;
const requests: Array<{ path: string; auth: string | undefined; texts: string[] }> = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const { text } = JSON.parse(body) as { text: string[] };
      requests.push({ path: req.url ?? "", auth: req.headers.authorization, texts: text });
      res.setHeader("content-type", "application/json");
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.statusCode = 401;
        res.end(
          JSON.stringify({
            success: false,
            errors: [{ code: 10000, message: "Authentication error" }],
          }),
        );
        return;
      }
      res.end(
        JSON.stringify({
          success: true,
          errors: [],
          result: { shape: [text.length, 1024], data: text.map(vectorOf) },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("workersAiRest", () => {
  it("runs the model on the account's endpoint with the token, and answers its result", async () => {
    const runner = workersAiRest({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: base });
    const result = (await runner.run(WORKERS_AI_MODEL, { text: ["science park"] })) as {
      data: number[][];
    };
    expect(result.data[0]).toEqual(vectorOf("science park"));
    expect(requests.at(-1)).toEqual({
      path: `/client/v4/accounts/${ACCOUNT}/ai/run/@cf/baai/bge-m3`,
      auth: `Bearer ${TOKEN}`,
      texts: ["science park"],
    });
  });

  it("rejects with the API's message, which the embedder reports as unavailable", async () => {
    const runner = workersAiRest({ accountId: ACCOUNT, apiToken: "wrong", baseUrl: base });
    await expect(runner.run(WORKERS_AI_MODEL, { text: ["x"] })).rejects.toThrow(
      "HTTP 401: 10000 Authentication error",
    );
    await expect(createWorkersAiEmbedder(runner).embed(["x"], "query")).rejects.toMatchObject({
      code: "embedder_unavailable",
      message: expect.stringMatching(/@cf\/baai\/bge-m3: the request failed \(HTTP 401/u),
    });
  });
});

describe("EMBEDDER=workers-ai", () => {
  it("needs the account and a token", async () => {
    expect(() => parseConfig({ EMBEDDER: "workers-ai" })).toThrow(
      /CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN must be set/u,
    );
    await expect(
      selectEmbedder({ prefer: "workers-ai", model: "unused", allowRemote: false }),
    ).rejects.toMatchObject({ code: "embedder_unavailable" });
  });

  it("builds an index whose manifest names the model a Worker's AI binding embeds questions with", async () => {
    const config = parseConfig({
      EMBEDDER: "workers-ai",
      CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
      CLOUDFLARE_API_TOKEN: TOKEN,
      CLOUDFLARE_API_BASE: base,
    });
    const lines: string[] = [];
    const embedder = await embedderFromConfig(config, (m) => lines.push(m));
    expect(lines).toEqual([
      "embedder: workers-ai:@cf/baai/bge-m3 (dimension 1024), through Cloudflare's API.",
    ]);
    const indexDir = join(await mkdtemp(join(tmpdir(), "qa-index-ai-")), "current");
    const language = await loadLanguage(CORPUS_DIR, { lexicon: false });
    await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedder, ...indexInputs(language) });
    const manifest = (await readManifest(indexDir))!;
    expect(manifest.embedder).toEqual({
      id: `workers-ai:${WORKERS_AI_MODEL}`,
      dimension: 1024,
      multilingual: true,
    });
    // The Worker with an AI binding embeds with the same model; questions and passages alike.
    const binding = {
      run: workersAiRest({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: base }).run,
    };
    const inWorker = queryEmbedder({ AI: binding }, manifest);
    expect(inWorker.id).toBe(manifest.embedder.id);
    const [a] = await inWorker.embed(["Hsinchu science park"], "query");
    const [b] = await embedder.embed(["Hsinchu science park"], "passage");
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
  }, 120_000);
});
