import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkerData } from "../../src/cli/worker-data.js";
import type { AiRunner } from "../../src/embed/workers-ai.js";
import type { ReadyState } from "../../src/http/state.js";
import { loadIndex, readManifest } from "../../src/store/load-index.js";
import type { Manifest } from "../../src/store/types.js";
import type { VectorizeBinding } from "../../src/store/vectorize.js";
import type { WorkerData } from "../../src/store/worker-data.js";
import { openWorkerData } from "../../src/worker/data.js";
import { loadWorkerState, queryEmbedder, workerVectors } from "../../src/worker/state.js";
import { CORPUS_DIR } from "../fixtures/knowledge.js";
import { readyIndexDir, readyState } from "../fixtures/service.js";
import { folderAssets } from "./fake-assets.js";

let dataDir: string;
let node: ReadyState;
let worker: ReadyState;
beforeAll(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), "worker-state-")), "worker");
  // The fixture state has no dictionary; neither does this data.
  await buildWorkerData({
    indexDir: await readyIndexDir(),
    corpusDir: CORPUS_DIR,
    outDir: dataDir,
    cedictText: null,
  });
  node = await readyState();
  worker = await loadWorkerState({}, await openWorkerData(folderAssets(dataDir)));
}, 120_000);

// Questions of this suite's own wording.
const QUESTIONS = [
  "What did Suzhou officials offer large multinational firms?",
  "Which science park joined research with production?",
  "首爾地區和大德地區的制度厚度有什麼差別？",
  "How many foreign firms were in Dongguan?",
];

describe("the Worker's state, read through the assets binding", () => {
  it.each(QUESTIONS)("answers %j exactly as the Node server's state does", async (question) => {
    const [a, b] = await Promise.all([node.qa.ask({ question }), worker.qa.ask({ question })]);
    expect(b.answer).toBe(a.answer);
    expect(b.citations).toEqual(a.citations);
    expect(b.passages.map((p) => p.id)).toEqual(a.passages.map((p) => p.id));
  });

  it("holds the same index, texts and catalog", () => {
    expect(worker.manifest).toEqual(node.manifest);
    expect([...worker.rawTexts.keys()]).toEqual([...node.rawTexts.keys()]);
    for (const [source, text] of node.rawTexts) expect(worker.rawTexts.get(source)).toBe(text);
    expect(worker.catalog).toEqual(node.catalog);
    expect(worker.embedderId).toBe("none");
  });

  it("never reads the vectors when questions are not embedded", async () => {
    const assets = folderAssets(dataDir);
    const state = await loadWorkerState({}, await openWorkerData(assets));
    await state.qa.ask({ question: QUESTIONS[0]! });
    expect(assets.reads).not.toContain("vectors.f32");
    expect(assets.reads).toContain("chunks.json");
  });
});

describe("openWorkerData", () => {
  const copy = async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "worker-bad-")), "worker");
    await cp(dataDir, dir, { recursive: true });
    return dir;
  };

  it("refuses a folder without worker.json", async () => {
    await expect(
      openWorkerData(folderAssets(await mkdtemp(join(tmpdir(), "empty-")))),
    ).rejects.toThrow(
      /has no worker\.json \(the data was never built\); run `npm run build:worker`/u,
    );
  });

  it("refuses a file that is not the one worker.json describes", async () => {
    const dir = await copy();
    await writeFile(join(dir, "tables.json"), "[]");
    const data = await openWorkerData(folderAssets(dir));
    await expect(data.json("tables.json")).rejects.toMatchObject({
      code: "index_invalid",
      message: expect.stringMatching(/tables\.json has 2 bytes, not \d+/u),
    });
    await expect(loadWorkerState({}, data)).rejects.toMatchObject({ code: "index_invalid" });
  });

  it("refuses a file of the same size but other bytes", async () => {
    const dir = await copy();
    const manifest = await readFile(join(dir, "manifest.json"), "utf8");
    await writeFile(join(dir, "manifest.json"), manifest.replace('"builtAt"', '"builtAT"'));
    const data = await openWorkerData(folderAssets(dir));
    await expect(data.text("manifest.json")).rejects.toThrow(
      /manifest\.json does not match its checksum/u,
    );
  });

  it("checks the index files as the Node loader does: counts that disagree are refused", async () => {
    const dir = await copy();
    // One passage fewer, with worker.json rewritten to match: only the counts can tell.
    const chunks = JSON.parse(await readFile(join(dir, "chunks.json"), "utf8")) as unknown[];
    const text = JSON.stringify(chunks.slice(1));
    await writeFile(join(dir, "chunks.json"), text);
    const about = JSON.parse(await readFile(join(dir, "worker.json"), "utf8")) as WorkerData;
    about.files["chunks.json"] = {
      bytes: Buffer.byteLength(text),
      sha256: createHash("sha256").update(text).digest("hex"),
    };
    await writeFile(join(dir, "worker.json"), JSON.stringify(about));
    await expect(
      loadWorkerState({}, await openWorkerData(folderAssets(dir))),
    ).rejects.toMatchObject({
      code: "index_invalid",
      message: expect.stringMatching(/chunks\.json does not agree with the manifest/u),
    });
  });

  it("refuses data of another layout version", async () => {
    const dir = await copy();
    await writeFile(join(dir, "worker.json"), JSON.stringify({ version: 0 }));
    await expect(openWorkerData(folderAssets(dir))).rejects.toThrow(/not of this version/u);
  });
});

describe("queryEmbedder", () => {
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = (await readManifest(await readyIndexDir()))!;
  });
  const ai: AiRunner = { run: async () => ({ data: [] }) };

  it("asks Workers AI only for an index built with its model", () => {
    const built = {
      ...manifest,
      embedder: { id: "workers-ai:@cf/baai/bge-m3", dimension: 1024, multilingual: true },
    };
    expect(queryEmbedder({ AI: ai }, built).id).toBe("workers-ai:@cf/baai/bge-m3");
    expect(queryEmbedder({}, built).id).toBe("none");
    expect(queryEmbedder({ AI: ai }, manifest)).toMatchObject({
      id: "none",
      dimension: manifest.embedder.dimension,
      multilingual: manifest.embedder.multilingual,
    });
  });
});

describe("workerVectors", () => {
  it("searches vectors.f32 exactly, as the index's own vectors rank", async () => {
    const data = await openWorkerData(folderAssets(dataDir));
    const index = await loadIndex(await readyIndexDir());
    const vectors = workerVectors({}, data, index.manifest, index.chunks);
    const query = index.vectors.vector(42);
    const found = await vectors.search(query, 5);
    expect(found[0]).toMatchObject({ label: 42 });
    expect(found[0]!.similarity).toBeCloseTo(1, 5);
    expect(found.map((n) => n.label)).toEqual(
      (await index.vectors.search(query, 5)).map((n) => n.label),
    );
  });

  it("asks Vectorize in the build's namespace when bound, and needs it for data built for it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "worker-vectorize-"));
    await buildWorkerData({
      indexDir: await readyIndexDir(),
      corpusDir: CORPUS_DIR,
      outDir: join(dir, "worker"),
      cedictText: null,
      vectorize: join(dir, "vectorize.ndjson"),
    });
    const data = await openWorkerData(folderAssets(join(dir, "worker")));
    const index = await loadIndex(await readyIndexDir());
    const asked: Array<{ namespace?: string; topK: number }> = [];
    const VECTORIZE: VectorizeBinding = {
      async query(_vector, options) {
        asked.push(options);
        return { matches: [{ id: index.chunks[3]!.id, score: 0.9 }] };
      },
    };
    const bound = workerVectors({ VECTORIZE }, data, index.manifest, index.chunks);
    expect(await bound.search(index.vectors.vector(3), 10)).toEqual([
      { label: 3, similarity: 0.9 },
    ]);
    expect(asked).toEqual([expect.objectContaining({ namespace: data.about.buildId, topK: 10 })]);
    const unbound = workerVectors({}, data, index.manifest, index.chunks);
    await expect(unbound.search(index.vectors.vector(3), 10)).rejects.toMatchObject({
      code: "vectors_unavailable",
    });
    // Questions not embedded never search: the state loads and answers without the binding.
    const state = await loadWorkerState({}, data);
    expect((await state.qa.ask({ question: QUESTIONS[0]! })).citations.length).toBeGreaterThan(0);
  });
});
