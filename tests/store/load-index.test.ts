import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexInputs, loadLanguage } from "../../src/cli/wire.js";
import { AppError } from "../../src/errors.js";
import { buildIndex, staleReason } from "../../src/store/build.js";
import { sha256Hex } from "../../src/store/checksums.js";
import { INDEX_FILES } from "../../src/store/index-data.js";
import { loadIndex } from "../../src/store/load-index.js";
import { openPrevious } from "../../src/store/reuse.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";
import { CORPUS_DIR } from "../fixtures/service.js";

let root = "";
let built = "";
let copies = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "qa-load-"));
  built = join(root, "built");
  await buildIndex({
    corpusDir: CORPUS_DIR,
    indexDir: built,
    embedder: createHashEmbedder(),
    ...indexInputs(await loadLanguage(CORPUS_DIR, { lexicon: false })),
  });
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the built index whose `file` is replaced by `damage(bytes)`; `reseal` updates its checksum. */
async function damaged(file: string, damage: (bytes: Buffer) => Buffer | string, reseal = false) {
  const dir = join(root, `copy-${++copies}`);
  await cp(built, dir, { recursive: true });
  const next = damage(await readFile(join(dir, file)));
  await writeFile(join(dir, file), next);
  if (reseal) {
    const manifestPath = join(dir, INDEX_FILES.manifest);
    const m = JSON.parse(await readFile(manifestPath, "utf8"));
    m.checksums[file] = sha256Hex(Buffer.from(next));
    await writeFile(manifestPath, JSON.stringify(m));
  }
  return dir;
}

/** The AppError `loadIndex(dir)` throws. */
async function refusal(dir: string): Promise<AppError> {
  const e = await loadIndex(dir).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const json = (f: (v: unknown) => unknown) => (b: Buffer) =>
  JSON.stringify(f(JSON.parse(b.toString())));

describe("loadIndex checks every file", () => {
  it("loads an index whose files match their checksums, structures and counts", async () => {
    const index = await loadIndex(built);
    expect(index.chunks.length).toBe(index.manifest.counts.chunks);
    expect(Object.keys(index.manifest.checksums ?? {}).sort()).toEqual(
      [
        "chunks.json",
        "lexical-gloss.json",
        "lexical.json",
        "tables.json",
        "vectors.hnsw",
        "views.json",
      ].sort(),
    );
  });

  it.each([
    ["chunks.json", "replaced by []", () => "[]"],
    ["chunks.json", "truncated", (b: Buffer) => b.subarray(0, b.length / 2)],
    ["tables.json", "garbage", () => "\u0000\u00ffnot json at all"],
    [
      "lexical.json",
      "one posting changed",
      (b: Buffer) => b.toString().replace(/\[0,1\]/u, "[0,2]"),
    ],
    [
      "vectors.hnsw",
      "one bit flipped",
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[c.length - 9]! ^= 1;
        return c;
      },
    ],
  ])("names %s when it is %s", async (file, _how, damage) => {
    const e = await refusal(await damaged(file, damage));
    expect(e.code).toBe("index_invalid");
    expect(e.details).toEqual({ file, problem: "does not match its checksum" });
    expect(e.message).toContain(file);
  });

  it("names a file whose checksum matches but whose structure is wrong", async () => {
    const dir = await damaged(
      "tables.json",
      json(() => [{ id: 3 }]),
      true,
    );
    const e = await refusal(dir);
    expect(e.details).toEqual({
      file: "tables.json",
      problem: "does not have the expected structure",
    });
  });

  it("names a file that is not JSON though its checksum matches (a build bug, not the disk)", async () => {
    const dir = await damaged("chunks.json", () => "[{", true);
    expect((await refusal(dir)).details).toEqual({
      file: "chunks.json",
      problem: "is not valid JSON",
    });
  });

  it("names a file whose counts disagree with the manifest or with the other files", async () => {
    const fewer = await damaged(
      "chunks.json",
      json((v) => (v as unknown[]).slice(1)),
      true,
    );
    expect((await refusal(fewer)).details).toEqual({
      file: "chunks.json",
      problem: "does not agree with the manifest",
    });
    const stray = await damaged(
      "lexical.json",
      json((v) => {
        const data = v as { postings: Record<string, number[][]> };
        data.postings["zzz"] = [[99_999, 1]];
        return data;
      }),
      true,
    );
    expect((await refusal(stray)).details).toEqual({
      file: "lexical.json",
      problem: "does not agree with the manifest",
    });
  });

  it("refuses an index from before checksums as another version, which is rebuilt (not damage)", async () => {
    const dir = await damaged(
      INDEX_FILES.manifest,
      json((m) => ({ ...(m as object), checksums: undefined })),
    );
    expect((await refusal(dir)).code).toBe("index_incompatible");
    expect(await staleReason(CORPUS_DIR, dir, null, false)).toMatch(/no file checksums/u);
  });

  it("makes `npm run index` rebuild a damaged index, and never reuses its documents", async () => {
    const dir = await damaged("vectors.hnsw", (b) => Buffer.concat([b, Buffer.from([0])]));
    expect(await staleReason(CORPUS_DIR, dir, null, false)).toBe(
      "index file vectors.hnsw is damaged",
    );
    const { previous, reason } = await openPrevious(
      dir,
      (await loadIndex(built)).manifest.reuseKey!,
    );
    expect(previous).toBeNull();
    expect(reason).toMatch(/vectors\.hnsw is damaged/u);
  });
});
