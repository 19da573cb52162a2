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

/**
 * Builds a directory in a temporary sibling, then swaps it in place of `target`. If `build` throws,
 * the previous `target` is left untouched.
 */
export async function replaceDirAtomic(
  target: string,
  build: (dir: string) => Promise<void>,
): Promise<void> {
  const suffix = randomBytes(4).toString("hex");
  const tmp = join(dirname(target), `.building-${suffix}`);
  const old = join(dirname(target), `.old-${suffix}`);
  await mkdir(tmp, { recursive: true });
  try {
    await build(tmp);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  let hadOld = true;
  await rename(target, old).catch(() => {
    hadOld = false;
  });
  await rename(tmp, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
