import { cp, mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexInputs, loadLanguage } from "../../src/cli/wire.js";
import type { Embedder } from "../../src/embed/types.js";
import { replaceDirAtomic } from "../../src/store/atomic.js";
import { buildIndex } from "../../src/store/build.js";
import { readManifest } from "../../src/store/load-index.js";
import { recoverIndexDir } from "../../src/store/recover.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";
import { SMALL_CORPUS, writeCorpus } from "../fixtures/small-corpus.js";

// A process id no process has (Linux pids stay below 2^22), for leftovers of a killed build.
const DEAD = 4_999_999;

let root = "";
let corpusDir = "";
let built = "";
/** What a build takes from the corpus language (no dictionary: the tests need speed, not glosses). */
let inputs: ReturnType<typeof indexInputs>;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "qa-recover-"));
  corpusDir = join(root, "corpus");
  await writeCorpus(corpusDir, SMALL_CORPUS);
  inputs = indexInputs(await loadLanguage(corpusDir, { lexicon: false }));
  built = join(root, "built", "current");
  await buildIndex({ corpusDir, indexDir: built, embedder: createHashEmbedder(), ...inputs });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh index folder holding a copy of the built index as `current`. */
async function indexFolder(name: string) {
  const parent = join(root, name);
  await mkdir(parent, { recursive: true });
  await cp(built, join(parent, "current"), { recursive: true });
  return { parent, current: join(parent, "current") };
}

function countingEmbedder(): Embedder & { embedded: number } {
  const inner = createHashEmbedder();
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

describe("recoverIndexDir", () => {
  it("puts back the complete index a kill between the two renames of a swap left aside", async () => {
    const { parent, current } = await indexFolder("between-renames");
    const before = await readManifest(current);
    // The swap's first rename happened (current → .old-…); the second (.building-… → current) did not,
    // and the new folder was still being written (no manifest yet).
    await rename(current, join(parent, `.old-${DEAD}-0a1b2c3d`));
    await mkdir(join(parent, `.building-${DEAD}-4e5f6a7b`));
    await writeFile(join(parent, `.building-${DEAD}-4e5f6a7b`, "chunks.json"), "[{");

    const r = await recoverIndexDir(current);
    expect(r.restored).toBe(`.old-${DEAD}-0a1b2c3d`);
    expect((await readManifest(current))?.buildId).toBe(before?.buildId);
    expect(await readdir(parent)).toEqual(["current"]);
  });

  it("prefers a finished new index over the old one it was replacing", async () => {
    const { parent, current } = await indexFolder("finished-building");
    await rename(current, join(parent, `.old-${DEAD}-11111111`));
    await buildIndex({
      corpusDir,
      indexDir: join(root, "newer", "current"),
      embedder: createHashEmbedder(),
      ...inputs,
    });
    await cp(join(root, "newer", "current"), join(parent, `.building-${DEAD}-22222222`), {
      recursive: true,
    });
    const newer = await readManifest(join(root, "newer", "current"));

    const r = await recoverIndexDir(current);
    expect(r.restored).toBe(`.building-${DEAD}-22222222`);
    expect((await readManifest(current))?.buildId).toBe(newer?.buildId);
    expect(await readdir(parent)).toEqual(["current"]);
  });

  it("removes leftovers of dead processes and of older versions, and leaves a running build's alone", async () => {
    const { parent, current } = await indexFolder("leftovers");
    const running = 4242;
    for (const name of [
      `.old-${DEAD}-aaaaaaaa`,
      ".building-9f8e7d6c",
      `.building-${running}-bbbbbbbb`,
    ])
      await mkdir(join(parent, name));
    const r = await recoverIndexDir(current, { alive: (pid) => pid === running });
    expect(r.restored).toBeNull();
    expect(r.removed.sort()).toEqual([".building-9f8e7d6c", `.old-${DEAD}-aaaaaaaa`]);
    expect((await readdir(parent)).sort()).toEqual([`.building-${running}-bbbbbbbb`, "current"]);
  });

  it("does nothing when there is no index folder at all", async () => {
    expect(await recoverIndexDir(join(root, "nothing-here", "current"))).toEqual({
      restored: null,
      removed: [],
      warnings: [],
    });
  });
});

describe("index swaps and builds", () => {
  it("treats a failure to remove the previous index after the swap as a warning, not a failure", async () => {
    const { parent, current } = await indexFolder("undeletable");
    const warnings: string[] = [];
    await replaceDirAtomic(
      current,
      async (dir) => {
        await writeFile(join(dir, "marker"), "new");
      },
      {
        warn: (m) => warnings.push(m),
        remove: async () => {
          throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
        },
      },
    );
    expect(await readdir(current)).toEqual(["marker"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/new index is in place.*could not be removed.*EACCES/u);
    // The leftover is removed by the next recovery.
    const r = await recoverIndexDir(current, { alive: () => false });
    expect(r.removed).toHaveLength(1);
    expect(await readdir(parent)).toEqual(["current"]);
  });

  it("fails at once, before embedding anything, when the index folder is not writable", async () => {
    const blocker = join(root, "a-file");
    await writeFile(blocker, "not a folder");
    const embedder = countingEmbedder();
    await expect(
      buildIndex({ corpusDir, indexDir: join(blocker, "index", "current"), embedder, ...inputs }),
    ).rejects.toThrow(/index folder .* is not writable \(ENOTDIR\)/u);
    expect(embedder.embedded).toBe(0);
  });

  it("puts an interrupted swap back before building, and reuses its documents", async () => {
    const { parent, current } = await indexFolder("build-after-kill");
    await rename(current, join(parent, `.old-${DEAD}-cccccccc`));
    const embedder = countingEmbedder();
    const warnings: string[] = [];
    const manifest = await buildIndex({
      corpusDir,
      indexDir: current,
      embedder,
      ...inputs,
      warn: (m) => warnings.push(m),
    });
    expect(warnings.join("\n")).toMatch(/interrupted; restored \.old-4999999-cccccccc/u);
    expect(embedder.embedded).toBe(0);
    expect(manifest.reused?.documents).toBe(2);
    expect(await readdir(parent)).toEqual(["current"]);
  });
});
