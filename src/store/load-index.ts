import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.js";
import {
  restoredViews,
  StoredViewsSchema,
  VIEWS_VERSION,
  type ChunkView,
} from "../retrieve/views.js";
import { checkIndexJson } from "./check-index.js";
import { sha256Hex } from "./checksums.js";
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

/**
 * An index file that failed its check. `file` is the file's name inside the index folder and
 * `problem` a fixed phrase (neither holds a path or the file's content), for `/readyz`; the message,
 * for the log, adds the folder and what the check saw.
 */
function fileError(dir: string, file: string, problem: string, seen?: string): AppError {
  return new AppError(
    "index_invalid",
    `The index in ${dir} is damaged: ${file} ${problem}${seen ? ` (${seen})` : ""}; ` +
      "rebuild it with `npm run index -- --force`.",
    { details: { file, problem } },
  );
}

/** The file's bytes, checked against the manifest's checksum. */
async function readChecked(dir: string, file: string, checksums: Record<string, string>) {
  const expected = checksums[file];
  if (!expected) throw fileError(dir, file, "has no checksum in the manifest");
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch (e) {
    throw fileError(dir, file, "cannot be read", (e as NodeJS.ErrnoException).code);
  }
  if (sha256Hex(bytes) !== expected)
    throw fileError(dir, file, "does not match its checksum", `${bytes.length} bytes`);
  return bytes;
}

/** Parses a checked JSON file; the parser's words go to the log only. */
function parseJson(dir: string, file: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw fileError(dir, file, "is not valid JSON", (e as Error).message.slice(0, 120));
  }
}

/**
 * Loads a built index into memory, checking every file first: its checksum against the manifest,
 * its structure, and the counts of all files against the manifest and each other. A file that fails
 * is named in the error (`details.file`), which a server logs and shows in `/readyz`.
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
  const sums = manifest.checksums;
  if (!sums)
    throw new AppError(
      "index_incompatible",
      `The index in ${dir} records no file checksums (an older build); rebuild it with \`npm run index\`.`,
    );
  const read = (file: string) => readChecked(dir, file, sums);
  const json = async (file: string) => parseJson(dir, file, await read(file));
  const { chunks, lexical, gloss, tables } = checkIndexJson(
    manifest,
    {
      chunks: await json(INDEX_FILES.chunks),
      lexical: await json(INDEX_FILES.lexical),
      gloss: await json(INDEX_FILES.gloss),
      tables: await json(INDEX_FILES.tables),
    },
    (file, problem, seen) => fileError(dir, file, problem, seen),
  );
  // Stored passage views are read under this code's analysis version only (else analysed at load).
  let views: ChunkView[] | undefined;
  if (manifest.viewsVersion === VIEWS_VERSION && sums[INDEX_FILES.views]) {
    const parsed = StoredViewsSchema.safeParse(await json(INDEX_FILES.views));
    if (!parsed.success)
      throw fileError(dir, INDEX_FILES.views, "does not have the expected structure");
    if (parsed.data.length !== chunks.length)
      throw fileError(
        dir,
        INDEX_FILES.views,
        "does not agree with the manifest",
        `${parsed.data.length} views, ${chunks.length} passages`,
      );
    views = restoredViews(parsed.data);
  }
  await read(INDEX_FILES.vectors);
  // Files a later build adds are checked too, though only their owners read them.
  for (const file of Object.keys(sums))
    if (!Object.values(INDEX_FILES).includes(file as never)) await read(file);

  const vectors = await loadHnswIndex(
    join(dir, INDEX_FILES.vectors),
    manifest.embedder.dimension,
  ).catch((e: unknown) => {
    throw fileError(dir, INDEX_FILES.vectors, "cannot be read", (e as Error).message.slice(0, 120));
  });
  if (vectors.size() !== chunks.length)
    throw fileError(
      dir,
      INDEX_FILES.vectors,
      "does not agree with the manifest",
      `${vectors.size()} vectors, ${chunks.length} passages`,
    );
  return { manifest, chunks, lexical, gloss, vectors, tables, ...(views ? { views } : {}) };
}
