import type { z } from "zod";
import type { Chunk } from "../chunks/types.js";
import type { LexicalIndexData } from "../retrieve/lexical-index.js";
import { INDEX_FILES, type LoadedIndex } from "./index-data.js";
import {
  ChunksFileSchema,
  LexicalFileSchema,
  postingsProblem,
  TablesFileSchema,
} from "./schemas.js";
import type { Manifest } from "./types.js";

/**
 * Makes the error for an index file that failed a check: `problem` is a fixed phrase, `seen` what
 * the check saw (for the log). Each loader words it for where its files are.
 */
export type FileProblem = (file: string, problem: string, seen?: string) => Error;

/** The JSON files of an index, parsed but not yet checked. */
export interface IndexJson {
  chunks: unknown;
  lexical: unknown;
  gloss: unknown;
  tables: unknown;
}

/** What {@link checkIndexJson} gives back: the index without its vectors, typed. */
export type CheckedIndex = Omit<LoadedIndex, "manifest" | "vectors">;

function parse<S extends z.ZodType>(
  file: string,
  data: unknown,
  schema: S,
  fail: FileProblem,
): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw fail(
      file,
      "does not have the expected structure",
      first ? `${first.path.slice(0, 4).join(".")}: ${first.message}` : undefined,
    );
  }
  return parsed.data;
}

/**
 * Checks an index's JSON files, wherever they were read from (a folder in Node, the assets binding
 * in a Worker): each file's structure, and the counts of all files against the manifest and each
 * other (passages, tables, documents, lexical postings and terms). Throws `fail(file, …)` for the
 * first file that does not pass.
 *
 * @example
 *   const { chunks, lexical, gloss, tables } = checkIndexJson(manifest, json, (file, problem) =>
 *     new AppError("index_invalid", `${file} ${problem}`));
 */
export function checkIndexJson(
  manifest: Manifest,
  json: IndexJson,
  fail: FileProblem,
): CheckedIndex {
  const chunks: Chunk[] = parse(INDEX_FILES.chunks, json.chunks, ChunksFileSchema, fail);
  const lexical = parse(INDEX_FILES.lexical, json.lexical, LexicalFileSchema, fail);
  const gloss = parse(INDEX_FILES.gloss, json.gloss, LexicalFileSchema, fail);
  const tables: unknown[] = parse(INDEX_FILES.tables, json.tables, TablesFileSchema, fail);

  const counts = manifest.counts;
  const disagree = (file: string, what: string) =>
    fail(file, "does not agree with the manifest", what);
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
  // The postings were checked to be [passage, count] pairs above.
  const asIndex = (data: typeof lexical) => data as unknown as LexicalIndexData;
  return { chunks, lexical: asIndex(lexical), gloss: asIndex(gloss), tables };
}
