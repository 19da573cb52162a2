import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { INDEX_FILES } from "./index-data.js";

/**
 * SHA-256 (hex) of bytes.
 *
 * @example
 *   sha256Hex(Buffer.from("abc")) // → "ba7816bf…"
 */
export const sha256Hex = (bytes: Uint8Array): string =>
  createHash("sha256").update(bytes).digest("hex");

/**
 * The checksum of every file of a finished index folder except the manifest (which records them):
 * file name → SHA-256. Any file a build writes is covered, including ones added later.
 *
 * @example
 *   const checksums = await checksumFiles(".building-4242-ab12cd34"); // { "chunks.json": "9b1f…", … }
 */
export async function checksumFiles(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const sums: Record<string, string> = {};
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => a.name.localeCompare(b.name)))
    if (e.name !== INDEX_FILES.manifest && !e.name.endsWith(".tmp"))
      sums[e.name] = sha256Hex(await readFile(join(dir, e.name)));
  return sums;
}

/**
 * The first file of the index in `dir` whose bytes do not match the manifest's checksum (or that
 * cannot be read), or null when all match. An index without checksums has nothing to verify: null.
 *
 * @example
 *   await damagedFile("index/current", manifest) // → "vectors.hnsw" after a bit flip
 */
export async function damagedFile(
  dir: string,
  manifest: { checksums?: Record<string, string> | undefined },
): Promise<string | null> {
  for (const [file, sum] of Object.entries(manifest.checksums ?? {})) {
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes || sha256Hex(bytes) !== sum) return file;
  }
  return null;
}
