import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDocumentText } from "../../src/cli/raw-text.js";
import { buildWorkerData, type WorkerDataSummary } from "../../src/cli/worker-data.js";
import { ASSET_NAMES } from "../../src/http/widget/assets.js";
import { loadIndex } from "../../src/store/load-index.js";
import { WorkerDataSchema, WORKER_FILES } from "../../src/store/worker-data.js";
import { CORPUS_DIR } from "../fixtures/knowledge.js";
import { readyIndexDir } from "../fixtures/service.js";

const CEDICT = [
  "# CC-CEDICT sample",
  "園區 园区 [yuan2 qu1] /park/",
  "橄欖球 橄榄球 [gan3 lan3 qiu2] /rugby/",
].join("\n");

let indexDir: string;
let outDir: string;
let summary: WorkerDataSummary;
beforeAll(async () => {
  indexDir = await readyIndexDir();
  outDir = join(await mkdtemp(join(tmpdir(), "worker-data-")), "worker");
  summary = await buildWorkerData({
    indexDir,
    corpusDir: CORPUS_DIR,
    outDir,
    cedictText: CEDICT,
  });
}, 120_000);

describe("buildWorkerData", () => {
  it("writes worker.json last, listing every file with its size and checksum", async () => {
    const about = WorkerDataSchema.parse(
      JSON.parse(await readFile(join(outDir, WORKER_FILES.about), "utf8")),
    );
    expect(about).toEqual(summary.about);
    for (const [path, { bytes }] of Object.entries(about.files))
      expect((await readFile(join(outDir, path))).length, path).toBe(bytes);
    expect(Object.keys(about.files)).toEqual(
      expect.arrayContaining([
        "manifest.json",
        "chunks.json",
        "lexical.json",
        "lexical-gloss.json",
        "tables.json",
        "vectors.f32",
        "catalog.json",
        "cedict.u8",
        "views.json",
        "knowledge/gazetteer.json",
        ...ASSET_NAMES.map((n) => `widget/${n}`),
      ]),
    );
  });

  it("copies the index files byte for byte", async () => {
    expect(summary.about.views).toBe(true);
    for (const file of [
      "manifest.json",
      "chunks.json",
      "lexical.json",
      "tables.json",
      "views.json",
    ])
      expect(
        (await readFile(join(outDir, file))).equals(await readFile(join(indexDir, file))),
      ).toBe(true);
  });

  it("writes the vectors as a plain Float32Array, row by label, equal to the index's", async () => {
    const index = await loadIndex(indexDir);
    const bytes = await readFile(join(outDir, WORKER_FILES.vectors));
    const dim = index.manifest.embedder.dimension;
    const vectors = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    expect(vectors.length).toBe(index.chunks.length * dim);
    for (const label of [0, 7, index.chunks.length - 1])
      expect(Array.from(vectors.subarray(label * dim, (label + 1) * dim))).toEqual(
        Array.from(index.vectors.vector(label)),
      );
    expect(summary.about.vectors).toEqual({
      count: index.chunks.length,
      dimension: dim,
      store: "file",
    });
  });

  it("with vectorize, writes the vectors as NDJSON outside the data, in the build's namespace", async () => {
    const index = await loadIndex(indexDir);
    const dir = await mkdtemp(join(tmpdir(), "worker-data-vectorize-"));
    const ndjson = join(dir, "vectorize.ndjson");
    const built = await buildWorkerData({
      indexDir,
      corpusDir: CORPUS_DIR,
      outDir: join(dir, "worker"),
      cedictText: null,
      vectorize: ndjson,
    });
    const lines = (await readFile(ndjson, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(index.chunks.length);
    expect(JSON.parse(lines[7]!)).toEqual({
      id: index.chunks[7]!.id,
      values: Array.from(index.vectors.vector(7)),
      namespace: index.manifest.buildId,
    });
    expect(built.about.vectors.store).toBe("vectorize");
    expect(Object.keys(built.about.files)).not.toContain(WORKER_FILES.vectors);
  });

  it("writes the texts citations point into, and the pruned dictionary", async () => {
    for (const t of summary.about.texts)
      expect(await readFile(join(outDir, t.path), "utf8")).toBe(
        await loadDocumentText(CORPUS_DIR, t.source),
      );
    expect(summary.about.texts.map((t) => t.source)).toContain(
      "chen-2014-varieties-of-global-capital.txt",
    );
    // The report speaks of science parks (園區) and never of rugby.
    expect(await readFile(join(outDir, WORKER_FILES.cedict), "utf8")).toBe(
      "# CC-CEDICT sample\n園區 园区 [yuan2 qu1] /park/",
    );
    // Rugby is left out, its headword kept for segmentation.
    expect(await readFile(join(outDir, WORKER_FILES.cedictHeadwords), "utf8")).toBe("橄榄球");
    expect(summary.about.cedict).toEqual({ entries: 1, of: 2, headwords: 1 });
  });

  it("refuses an index the corpus has moved on from", async () => {
    const corpus = await mkdtemp(join(tmpdir(), "worker-data-corpus-"));
    await cp(CORPUS_DIR, corpus, { recursive: true });
    await writeFile(join(corpus, "zhou-2010-decentering-spatial-fix.txt"), "Changed.\n");
    await expect(
      buildWorkerData({ indexDir, corpusDir: corpus, outDir, cedictText: null }),
    ).rejects.toThrow(/is not current \(corpus changed\); run `npm run index` first/u);
    // The folder written before is untouched.
    expect(
      WorkerDataSchema.parse(JSON.parse(await readFile(join(outDir, "worker.json"), "utf8")))
        .buildId,
    ).toBe(summary.about.buildId);
  });
});
