import { readFile, writeFile, cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createChunkViews,
  restoredViews,
  StoredViewsSchema,
  viewsJson,
} from "../../src/retrieve/views.js";
import type { Table } from "../../src/tables/types.js";
import { INDEX_FILES } from "../../src/store/index-data.js";
import { loadIndex } from "../../src/store/load-index.js";
import { checksumFiles } from "../../src/store/checksums.js";
import { readyIndexDir } from "../fixtures/service.js";

describe("passage views stored in the index", () => {
  it("are written by the build and read back exactly as the passages' analysis gives them", async () => {
    const index = await loadIndex(await readyIndexDir());
    expect(index.views).toBeDefined();
    const computed = createChunkViews(index.chunks, index.tables as Table[]);
    expect(index.views).toEqual(computed);
    expect(restoredViews(StoredViewsSchema.parse(JSON.parse(viewsJson(computed))))).toEqual(
      computed,
    );
  }, 120_000);

  it("are analysed again under another analysis version, and named when damaged", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "views-")), "current");
    await cp(await readyIndexDir(), dir, { recursive: true });
    const manifestPath = join(dir, INDEX_FILES.manifest);
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, viewsVersion: -1 }));
    expect((await loadIndex(dir)).views).toBeUndefined();

    await writeFile(join(dir, INDEX_FILES.views), JSON.stringify([{ tokens: 1 }]));
    const checksums = await checksumFiles(dir);
    await writeFile(manifestPath, JSON.stringify({ ...manifest, checksums }));
    await expect(loadIndex(dir)).rejects.toMatchObject({
      code: "index_invalid",
      details: { file: INDEX_FILES.views },
    });
  }, 120_000);
});
