import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * Writes a file through a temporary sibling and a rename, so readers never see half a file.
 *
 * @example
 *   await writeFileAtomic("index/current/manifest.json", JSON.stringify(m));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Prefixes of the folders a swap leaves beside its target while it runs. */
export const SWAP_PREFIXES = [".building-", ".old-"] as const;

/**
 * The name of a swap folder: prefix, the owning process's id (so recovery can tell a live build's
 * folder from a dead one's), and a random tag.
 *
 * @example
 *   swapName(".old-", 4242) // → ".old-4242-9f2c01ab"
 */
export const swapName = (prefix: (typeof SWAP_PREFIXES)[number], pid = process.pid): string =>
  `${prefix}${pid}-${randomBytes(4).toString("hex")}`;

export interface ReplaceDirOptions {
  /** Told when the previous folder could not be removed after a successful swap (default: stderr). */
  warn?: (message: string) => void;
  /** Removes a folder (injected by tests to make it fail). */
  remove?: (dir: string) => Promise<void>;
}

const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });
const stderrWarn = (m: string) => void process.stderr.write(`warning: ${m}\n`);

/**
 * Builds a directory in a temporary sibling, then swaps it in place of `target` with two renames
 * (`target` → `.old-…`, `.building-…` → `target`). If `build` throws, the previous `target` is left
 * untouched. A failure to remove the previous folder afterwards is a warning, not a failure: the
 * swap has happened, and `recoverIndexDir` removes the leftover later. A kill between the renames
 * leaves no `target` but two complete folders, which `recoverIndexDir` puts back.
 *
 * @example
 *   await replaceDirAtomic("index/current", async (dir) => writeFiles(dir), { warn: log });
 */
export async function replaceDirAtomic(
  target: string,
  build: (dir: string) => Promise<void>,
  opts: ReplaceDirOptions = {},
): Promise<void> {
  const tmp = join(dirname(target), swapName(".building-"));
  const old = join(dirname(target), swapName(".old-"));
  await mkdir(tmp, { recursive: true });
  try {
    await build(tmp);
  } catch (e) {
    await removeDir(tmp);
    throw e;
  }
  let hadOld = true;
  try {
    await rename(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      await removeDir(tmp);
      throw e;
    }
    hadOld = false;
  }
  await rename(tmp, target);
  if (hadOld)
    await (opts.remove ?? removeDir)(old).catch((e: unknown) =>
      (opts.warn ?? stderrWarn)(
        `the new index is in place, but the previous one could not be removed from ${old} ` +
          `(${(e as Error).message}); it will be removed at the next start or build.`,
      ),
    );
}
