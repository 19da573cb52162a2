import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { Chunk } from "../chunks/types.js";
import type { LexicalIndexData } from "../retrieve/lexical-index.js";
import { loadHnswIndex } from "./hnsw.js";
import { INDEX_FILES, type LoadedIndex } from "./index-data.js";
import { ManifestSchema, SCHEMA_VERSION, type Manifest, type VectorIndex } from "./types.js";

/** The manifest of the index in `dir`, or null when there is none or it is unreadable. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(await readFile(join(dir, INDEX_FILES.manifest), "utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(path, "utf8")) as T;

/**
 * Loads a built index into memory.
 *
 * @example
 *   const index = await loadIndex("index/current");
 */
export async function loadIndex(dir: string): Promise<LoadedIndex<VectorIndex>> {
  const manifest = await readManifest(dir);
  if (!manifest)
    throw new AppError("index_not_ready", `No index found in ${dir}; run \`npm run index\` first.`);
  if (manifest.schemaVersion !== SCHEMA_VERSION)
    throw new AppError(
      "index_incompatible",
      `The index in ${dir} has schema ${manifest.schemaVersion}, expected ${SCHEMA_VERSION}; rebuild it with \`npm run index\`.`,
    );
  const [chunks, lexical, gloss, tables, vectors] = await Promise.all([
    readJson<Chunk[]>(join(dir, INDEX_FILES.chunks)),
    readJson<LexicalIndexData>(join(dir, INDEX_FILES.lexical)),
    readJson<LexicalIndexData>(join(dir, INDEX_FILES.gloss)),
    readJson<unknown[]>(join(dir, INDEX_FILES.tables)).catch(() => []),
    loadHnswIndex(join(dir, INDEX_FILES.vectors), manifest.embedder.dimension),
  ]).catch((cause: unknown) => {
    throw new AppError(
      "index_invalid",
      `The index in ${dir} cannot be read (${cause instanceof Error ? cause.message : String(cause)}); rebuild it with \`npm run index -- --force\`.`,
      { cause },
    );
  });
  const counts = `${chunks.length} passages, ${vectors.size()} vectors, manifest says ${manifest.counts.chunks}`;
  if (
    !Array.isArray(chunks) ||
    chunks.length !== manifest.counts.chunks ||
    vectors.size() !== chunks.length
  )
    throw new AppError(
      "index_invalid",
      `The index in ${dir} is inconsistent (${counts}); rebuild it with \`npm run index -- --force\`.`,
    );
  return { manifest, chunks, lexical, gloss, vectors, tables };
}
