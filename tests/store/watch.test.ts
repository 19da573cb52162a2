import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchPaths } from "../../src/store/watch.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Resolves with the changed path, or rejects after `ms`. */
const nextChange = (paths: string[], options: Parameters<typeof watchPaths>[2] = {}) => {
  let resolve: (p: string) => void = () => {};
  const changed = new Promise<string>((r) => (resolve = r));
  const w = watchPaths(paths, (p) => resolve(p), options);
  return { w, changed };
};

describe("watchPaths", () => {
  it("notices an index folder swapped in by a rename", async () => {
    const root = await mkdtemp(join(tmpdir(), "qa-watch-"));
    dirs.push(root);
    const current = join(root, "index", "current");
    await mkdir(current, { recursive: true });
    await writeFile(join(current, "manifest.json"), '{"buildId":"a"}');
    const manifest = join(current, "manifest.json");
    const { w, changed } = nextChange([manifest], { intervalMs: 60_000 });
    await w.ready;
    const next = join(root, "index", ".building-1");
    await mkdir(next);
    await writeFile(join(next, "manifest.json"), '{"buildId":"b"}');
    await rename(current, join(root, "index", ".old-1"));
    await rename(next, current);
    expect(await changed).toBe(manifest);
    w.close();
  });

  it("notices a rewritten file by checking periodically, without file-system events", async () => {
    const root = await mkdtemp(join(tmpdir(), "qa-watch-"));
    dirs.push(root);
    const catalog = join(root, "catalog.json");
    await writeFile(catalog, "{}");
    const { w, changed } = nextChange([catalog], { intervalMs: 50, debounceMs: 10 });
    await w.ready;
    await writeFile(catalog, '{"x": {}}');
    expect(await changed).toBe(catalog);
    w.close();
  });

  it("says nothing while nothing changes", async () => {
    const root = await mkdtemp(join(tmpdir(), "qa-watch-"));
    dirs.push(root);
    const file = join(root, "manifest.json");
    await writeFile(file, "{}");
    const seen: string[] = [];
    const w = watchPaths([file], (p) => seen.push(p), { intervalMs: 20, debounceMs: 5 });
    await w.ready;
    await writeFile(join(root, "unrelated.txt"), "x");
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([]);
    w.close();
  });
});
