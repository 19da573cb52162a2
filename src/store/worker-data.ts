import { z } from "zod";
import { KNOWLEDGE_FILES } from "../knowledge/types.js";

/** Bumped whenever the layout below changes, so a Worker never reads data of another layout. */
export const WORKER_DATA_VERSION = 2;

/**
 * Files of the Worker's data folder (`npm run build:worker`, read through the assets binding).
 * The index files are copied byte for byte from `index/current`; the vectors become a plain
 * little-endian Float32Array, row `label` at `label * dimension`.
 */
export const WORKER_FILES = {
  /** What the build wrote ({@link WorkerDataSchema}); written last. */
  about: "worker.json",
  manifest: "manifest.json",
  chunks: "chunks.json",
  lexical: "lexical.json",
  gloss: "lexical-gloss.json",
  tables: "tables.json",
  vectors: "vectors.f32",
  catalog: "catalog.json",
  /** CC-CEDICT pruned to the entries that can connect a question to the corpus. */
  cedict: "cedict.u8",
  /** The headwords of the entries left out, one a line, for segmentation. */
  cedictHeadwords: "cedict-headwords.txt",
  /** The passages' matching views the index build stored (see `VIEWS_VERSION`). */
  views: "views.json",
} as const;

/** Folders of the data: corpus texts (`texts/<n>.txt`), corpus knowledge, the widget's browser files. */
export const WORKER_DIRS = { texts: "texts", knowledge: "knowledge", widget: "widget" } as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/u);

/** `worker.json`: what `npm run build:worker` wrote, for the Worker to read and check. */
export const WorkerDataSchema = z.object({
  version: z.literal(WORKER_DATA_VERSION),
  /** The build id of the index the data comes from (also the Vectorize namespace). */
  buildId: z.string().min(1),
  writtenAt: z.string(),
  /** Where each corpus file's text is (the text citation offsets point into). */
  texts: z.array(z.object({ source: z.string().min(1), path: z.string().min(1) })),
  /** The corpus knowledge files present (under `knowledge/`). */
  knowledge: z.array(z.enum(KNOWLEDGE_FILES)),
  catalog: z.boolean(),
  /** Whether the index's stored passage views came along (else the Worker analyses the passages). */
  views: z.boolean().optional(),
  /** The pruned dictionary: entries kept of all, or null when the Worker does without one. */
  cedict: z
    .object({
      entries: z.number().int().min(0),
      of: z.number().int().min(0),
      /** Headwords left out, known for segmentation only. */
      headwords: z.number().int().min(0),
    })
    .nullable(),
  /**
   * The passage vectors: in `vectors.f32` (`file`), or uploaded to Vectorize (`vectorize`,
   * `build:worker --vectorize`), where the Worker's `VECTORIZE` binding searches them.
   */
  vectors: z.object({
    count: z.number().int().min(0),
    dimension: z.number().int().min(1),
    store: z.enum(["file", "vectorize"]),
  }),
  /** Bytes and SHA-256 of every other file, by path, checked when the Worker loads them. */
  files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), sha256: hex64 })),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
