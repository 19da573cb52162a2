import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SWAP_PREFIXES } from "./atomic.js";
import { readManifest } from "./load-index.js";

/** What {@link recoverIndexDir} did. */
export interface Recovery {
  /** The folder put back as the index, when the index was missing after an interrupted swap. */
  restored: string | null;
  /** Leftover folders removed. */
  removed: string[];
  /** Leftovers that could not be removed (the reason is in `warnings`). */
  warnings: string[];
}

/** Whether process `pid` is running (signal 0 tests without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The owning process of a swap folder (`.old-4242-9f2c01ab`), or null for names without one. */
const ownerOf = (name: string): number | null => {
  const m = /^\.(?:building|old)-(\d+)-[0-9a-f]+$/u.exec(name);
  return m ? Number(m[1]) : null;
};

export interface RecoverOptions {
  /** Whether a process is alive (injected by tests). */
  alive?: (pid: number) => boolean;
}

/**
 * Makes the index folder's parent whole again after a build was killed: when `target` has no
 * manifest and a leftover `.building-*` (complete: the manifest is written last) or `.old-*` folder
 * holds a valid one, the newest such folder becomes `target` (a finished `.building-*` first: it is
 * newer than the `.old-*` it replaces). Every other leftover of a process that is no longer running
 * is removed; leftovers of running processes (a build under way, this process's own) are left alone.
 *
 * @example
 *   const r = await recoverIndexDir("index/current");
 *   if (r.restored) log(`index: restored ${r.restored} as index/current`);
 */
export async function recoverIndexDir(
  target: string,
  opts: RecoverOptions = {},
): Promise<Recovery> {
  const alive = opts.alive ?? processAlive;
  const parent = dirname(target);
  const result: Recovery = { restored: null, removed: [], warnings: [] };
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return result;
  }
  const stale = names.filter((n) => {
    if (!SWAP_PREFIXES.some((p) => n.startsWith(p))) return false;
    const pid = ownerOf(n);
    return pid === null || !alive(pid);
  });
  if (!(await readManifest(target))) {
    const candidates = [];
    for (const name of stale) {
      const manifest = await readManifest(join(parent, name));
      if (manifest) candidates.push({ name, manifest });
    }
    candidates.sort(
      (a, b) =>
        Number(b.name.startsWith(".building-")) - Number(a.name.startsWith(".building-")) ||
        b.manifest.builtAt.localeCompare(a.manifest.builtAt),
    );
    const best = candidates[0];
    if (best) {
      // A target folder without a manifest is no index: move it aside rather than lose it silently.
      await rename(target, join(parent, `.old-0-${randomBytes(4).toString("hex")}`)).catch(
        () => undefined,
      );
      await rename(join(parent, best.name), target);
      result.restored = best.name;
    }
  }
  for (const name of await readdir(parent)) {
    if (!SWAP_PREFIXES.some((p) => name.startsWith(p)) || name === basename(target)) continue;
    const pid = ownerOf(name);
    if (pid !== null && alive(pid)) continue;
    try {
      await rm(join(parent, name), { recursive: true, force: true });
      result.removed.push(name);
    } catch (e) {
      result.warnings.push(`${join(parent, name)} could not be removed: ${(e as Error).message}`);
    }
  }
  return result;
}

/**
 * Fails at once, with the reason, when files cannot be created in `dir` (created if missing), so a
 * build does not work for a minute before it finds out.
 *
 * @example
 *   await ensureWritable("index"); // throws "the index folder index is not writable (EACCES …)"
 */
export async function ensureWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      `the index folder ${dir} is not writable (${err.code ?? err.message}); ` +
        "set INDEX_DIR to a folder this user may write to.",
      { cause: e },
    );
  }
}
