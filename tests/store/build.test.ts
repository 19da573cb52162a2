import { mkdir, readFile, rm, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexInputs, loadLanguage } from "../../src/cli/wire.js";
import type { Embedder } from "../../src/embed/types.js";
import { listCorpusFiles } from "../../src/ingest/load.js";
import { buildIndex, staleReason } from "../../src/store/build.js";
import { loadIndex } from "../../src/store/load-index.js";
import { INDEX_FILES } from "../../src/store/index-data.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";
import { ADDED_DOCUMENT, SMALL_CORPUS, writeCorpus } from "../fixtures/small-corpus.js";

/** The hash embedder, counting the passages it is asked to embed. */
function countingEmbedder(id = "test-hash"): Embedder & { embedded: number } {
  const inner = createHashEmbedder(64, id);
  const counted = {
    ...inner,
    embedded: 0,
    embed: (texts: readonly string[], kind: "query" | "passage") => {
      counted.embedded += texts.length;
      return inner.embed(texts, kind);
    },
  };
  return counted;
}

let root = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "qa-build-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A corpus of `files` and an index directory beside it, under a fresh folder. */
async function setup(name: string, files: Record<string, string>) {
  const corpusDir = join(root, name, "corpus");
  const indexDir = join(root, name, "index", "current");
  await writeCorpus(corpusDir, files);
  const build = async (embedder: Embedder, reuse = true) =>
    buildIndex({
      corpusDir,
      indexDir,
      embedder,
      ...indexInputs(await loadLanguage(corpusDir, { lexicon: false })),
      reuse,
    });
  return { corpusDir, indexDir, build };
}

const chunkCount = async (indexDir: string, source: string) =>
  (await loadIndex(indexDir)).chunks.filter((c) => c.source === source).length;

describe("buildIndex, incremental", () => {
  it("embeds only an added document and gives the same index as a full build", async () => {
    const inc = await setup("added", SMALL_CORPUS);
    await inc.build(countingEmbedder());
    const before = await loadIndex(inc.indexDir);
    await writeFile(join(inc.corpusDir, ADDED_DOCUMENT.source), ADDED_DOCUMENT.text);
    const embedder = countingEmbedder();
    const manifest = await inc.build(embedder);

    const added = await chunkCount(inc.indexDir, ADDED_DOCUMENT.source);
    expect(added).toBeGreaterThan(0);
    expect(embedder.embedded).toBe(added);
    expect(manifest.reused).toEqual({ documents: 2, chunks: before.chunks.length });
    expect(manifest.counts.documents).toBe(3);

    const full = await setup("full", {
      ...SMALL_CORPUS,
      [ADDED_DOCUMENT.source]: ADDED_DOCUMENT.text,
    });
    const fullManifest = await full.build(countingEmbedder());
    const [a, b] = await Promise.all([loadIndex(inc.indexDir), loadIndex(full.indexDir)]);
    expect(a.chunks).toEqual(b.chunks);
    expect(a.tables).toEqual(b.tables);
    expect(a.lexical).toEqual(b.lexical);
    expect(manifest.files).toEqual(fullManifest.files);
    for (let label = 0; label < a.chunks.length; label++)
      expect(Array.from(a.vectors.vector(label))).toEqual(
        Array.from(b.vectors.vector(label)).map((x) => expect.closeTo(x, 5)),
      );
  });

  it("embeds a changed document again and drops a removed one", async () => {
    const { corpusDir, indexDir, build } = await setup("changed", SMALL_CORPUS);
    await build(countingEmbedder());
    const changed = `${SMALL_CORPUS["hsinchu-note.txt"]}\n3. Later\n\nIn 2005 the park opened a second campus in Zhunan.\n`;
    await writeFile(join(corpusDir, "hsinchu-note.txt"), changed);
    await rm(join(corpusDir, "daedeok-note.md"));
    const embedder = countingEmbedder();
    const manifest = await build(embedder);
    expect(embedder.embedded).toBe(await chunkCount(indexDir, "hsinchu-note.txt"));
    expect(manifest.files.map((f) => f.source)).toEqual(["hsinchu-note.txt"]);
    expect(manifest.reused).toEqual({ documents: 0, chunks: 0 });
    const index = await loadIndex(indexDir);
    expect(index.chunks.some((c) => c.text.includes("Zhunan"))).toBe(true);
    expect(index.vectors.size()).toBe(index.chunks.length);
  });

  it("reuses nothing for another embedder, or when asked to rebuild", async () => {
    const { indexDir, build } = await setup("embedder", SMALL_CORPUS);
    await build(countingEmbedder());
    const total = (await loadIndex(indexDir)).chunks.length;
    const other = countingEmbedder("other-hash");
    expect((await build(other)).reused?.chunks).toBe(0);
    expect(other.embedded).toBe(total);
    const forced = countingEmbedder("other-hash");
    expect((await build(forced, false)).reused).toEqual({ documents: 0, chunks: 0 });
    expect(forced.embedded).toBe(total);
  });

  it("starts from scratch when the previous index's files disagree with its manifest", async () => {
    const { indexDir, build } = await setup("broken", SMALL_CORPUS);
    await build(countingEmbedder());
    const chunksPath = join(indexDir, INDEX_FILES.chunks);
    const chunks = JSON.parse(await readFile(chunksPath, "utf8")) as unknown[];
    await writeFile(chunksPath, JSON.stringify(chunks.slice(1)));
    const embedder = countingEmbedder();
    const manifest = await build(embedder);
    expect(manifest.reused?.chunks).toBe(0);
    expect(embedder.embedded).toBe(chunks.length);
  });

  it("gives every build its own id", async () => {
    const { build } = await setup("ids", SMALL_CORPUS);
    const first = await build(countingEmbedder());
    const second = await build(countingEmbedder(), false);
    expect(first.buildId).toMatch(/^[0-9a-f]{16}$/u);
    expect(second.buildId).not.toBe(first.buildId);
  });
});

describe("corpus knowledge and the index", () => {
  it("records the knowledge hash; changed knowledge makes the index stale and reuses nothing", async () => {
    const { corpusDir, indexDir, build } = await setup("knowledge", SMALL_CORPUS);
    const first = await build(countingEmbedder());
    const language = await loadLanguage(corpusDir, { lexicon: false });
    expect(first.knowledge).toBe(language.knowledge.hash);
    expect(await staleReason(corpusDir, indexDir, "test-hash", false)).toBeNull();

    await mkdir(join(corpusDir, "knowledge"));
    await writeFile(
      join(corpusDir, "knowledge", "gazetteer.json"),
      JSON.stringify({ names: [{ en: ["Daedeok", "Taedok"], zh: ["大德"] }] }),
    );
    expect(await staleReason(corpusDir, indexDir, "test-hash", false)).toMatch(
      /corpus knowledge changed/u,
    );
    const embedder = countingEmbedder();
    const second = await build(embedder);
    expect(second.reused).toEqual({ documents: 0, chunks: 0 });
    expect(embedder.embedded).toBe(second.counts.chunks);
    expect(second.knowledge).not.toBe(first.knowledge);
    expect(await staleReason(corpusDir, indexDir, "test-hash", false)).toBeNull();
  });

  it("never takes knowledge files, or notes beside them, for documents", async () => {
    const { corpusDir } = await setup("listing", {
      ...SMALL_CORPUS,
      "knowledge/gazetteer.json": '{"names": []}',
      "knowledge/notes.md": "# Where the gazetteer's names come from\n",
      "extra/more.md": "# A document in a folder\n",
    });
    expect(await listCorpusFiles(corpusDir)).toEqual([
      "daedeok-note.md",
      "extra/more.md",
      "hsinchu-note.txt",
    ]);
  });
});
