import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { Chunk } from "../chunks/types.js";
import { AppError } from "../errors.js";
import type { LexicalIndexData } from "../retrieve/lexical-index.js";
import { sha256Hex } from "./checksums.js";
import { loadHnswIndex } from "./hnsw.js";
import { INDEX_FILES, type LoadedIndex } from "./index-data.js";
import {
  ChunksFileSchema,
  LexicalFileSchema,
  postingsProblem,
  TablesFileSchema,
} from "./schemas.js";
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

/** Parses a checked JSON file with `schema`; the parser's and schema's words go to the log only. */
function parseChecked<S extends z.ZodType>(
  dir: string,
  file: string,
  bytes: Buffer,
  schema: S,
): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw fileError(dir, file, "is not valid JSON", (e as Error).message.slice(0, 120));
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw fileError(
      dir,
      file,
      "does not have the expected structure",
      first ? `${first.path.slice(0, 4).join(".")}: ${first.message}` : undefined,
    );
  }
  return parsed.data;
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
  const chunks: Chunk[] = parseChecked(
    dir,
    INDEX_FILES.chunks,
    await read(INDEX_FILES.chunks),
    ChunksFileSchema,
  );
  const [lexical, gloss] = [
    parseChecked(dir, INDEX_FILES.lexical, await read(INDEX_FILES.lexical), LexicalFileSchema),
    parseChecked(dir, INDEX_FILES.gloss, await read(INDEX_FILES.gloss), LexicalFileSchema),
  ];
  const tables: unknown[] = parseChecked(
    dir,
    INDEX_FILES.tables,
    await read(INDEX_FILES.tables),
    TablesFileSchema,
  );
  await read(INDEX_FILES.vectors);
  // Files a later build adds are checked too, though only their owners read them.
  for (const file of Object.keys(sums))
    if (!Object.values(INDEX_FILES).includes(file as never)) await read(file);

  const counts = manifest.counts;
  const disagree = (file: string, what: string) =>
    fileError(dir, file, "does not agree with the manifest", what);
  if (chunks.length !== counts.chunks)
    throw disagree(INDEX_FILES.chunks, `${chunks.length} passages, manifest says ${counts.chunks}`);
  if (tables.length !== counts.tables)
    throw disagree(INDEX_FILES.tables, `${tables.length} tables, manifest says ${counts.tables}`);
  if (manifest.files.length !== counts.documents)
    throw disagree(
      INDEX_FILES.manifest,
      `${manifest.files.length} files, ${counts.documents} documents`,
    );
  for (const [file, data] of [
    [INDEX_FILES.lexical, lexical],
    [INDEX_FILES.gloss, gloss],
  ] as const) {
    if (data.docCount !== chunks.length || data.lengths.length !== chunks.length)
      throw disagree(file, `${data.docCount} passages, ${chunks.length} in ${INDEX_FILES.chunks}`);
    const problem = postingsProblem(data.postings, chunks.length);
    if (problem) throw disagree(file, problem);
  }
  if (Object.keys(lexical.postings).length !== counts.terms)
    throw disagree(
      INDEX_FILES.lexical,
      `${Object.keys(lexical.postings).length} terms, manifest says ${counts.terms}`,
    );
  const sources = new Set(manifest.files.map((f) => f.source));
  const stray = chunks.find((c) => !sources.has(c.source) || c.end < c.start);
  if (stray) throw disagree(INDEX_FILES.chunks, `passage ${stray.id} of ${stray.source}`);

  const vectors = await loadHnswIndex(
    join(dir, INDEX_FILES.vectors),
    manifest.embedder.dimension,
  ).catch((e: unknown) => {
    throw fileError(dir, INDEX_FILES.vectors, "cannot be read", (e as Error).message.slice(0, 120));
  });
  if (vectors.size() !== chunks.length)
    throw disagree(INDEX_FILES.vectors, `${vectors.size()} vectors, ${chunks.length} passages`);
  // The postings were checked to be [passage, count] pairs above.
  const asIndex = (data: typeof lexical) => data as unknown as LexicalIndexData;
  return { manifest, chunks, lexical: asIndex(lexical), gloss: asIndex(gloss), vectors, tables };
}
