import { copyFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Embedder } from "../embed/types.js";
import type { CorpusDocument } from "../ingest/types.js";
import { listCorpusFiles } from "../ingest/load.js";
import { KNOWLEDGE_DIR, KNOWLEDGE_FILES } from "../knowledge/types.js";
import { buildIndex } from "../store/build.js";
import type { Manifest } from "../store/types.js";
import type { Metric } from "./types.js";

export interface IndexBench {
  corpusDir: string;
  /** Where the bench works: a copy of the corpus goes to `corpus/`, the index to `index/current`. */
  workDir: string;
  embedder: Embedder;
  gloss?: (zh: string) => string;
  extractTables?: (doc: CorpusDocument) => unknown[];
  /** Hash of the corpus knowledge `gloss` and `extractTables` were made from. */
  knowledgeHash: string;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * A full build of a copy of the corpus in `workDir`, timed.
 *
 * @example
 *   const { indexDir, metrics } = await benchFullBuild({ corpusDir: "corpus", workDir, embedder });
 */
export async function benchFullBuild(
  b: IndexBench,
): Promise<{ indexDir: string; corpusCopy: string; manifest: Manifest; metrics: Metric[] }> {
  const corpusCopy = join(b.workDir, "corpus");
  const indexDir = join(b.workDir, "index", "current");
  await mkdir(corpusCopy, { recursive: true });
  const knowledge = KNOWLEDGE_FILES.map((file) => `${KNOWLEDGE_DIR}/${file}`);
  for (const source of [...(await listCorpusFiles(b.corpusDir)), "catalog.json", ...knowledge]) {
    await mkdir(join(corpusCopy, source, ".."), { recursive: true });
    await copyFile(join(b.corpusDir, source), join(corpusCopy, source)).catch(() => undefined);
  }
  const t0 = performance.now();
  const manifest = await buildIndex({ ...b, corpusDir: corpusCopy, indexDir, reuse: false });
  const s = seconds(performance.now() - t0);
  return {
    indexDir,
    corpusCopy,
    manifest,
    metrics: [
      {
        name: "index build, full (s)",
        value: s,
        atMost: 60,
        note: `${manifest.counts.chunks} passages`,
      },
      { name: "index passages/s", value: Math.round((manifest.counts.chunks / s) * 10) / 10 },
    ],
  };
}

/**
 * Adds one document (a copy of the corpus's smallest, under a new name) to the copy of the corpus
 * and times the incremental build that follows: only that document is extracted and embedded.
 */
export async function benchAddDocument(
  b: IndexBench,
  built: { corpusCopy: string; indexDir: string },
): Promise<Metric[]> {
  const sources = await listCorpusFiles(built.corpusCopy);
  const sizes = await Promise.all(
    sources.map(async (s) => (await stat(join(built.corpusCopy, s))).size),
  );
  const smallest = sources[sizes.indexOf(Math.min(...sizes))]!;
  await copyFile(
    join(built.corpusCopy, smallest),
    join(built.corpusCopy, `bench-added-${smallest}`),
  );
  const t0 = performance.now();
  const manifest = await buildIndex({
    ...b,
    corpusDir: built.corpusCopy,
    indexDir: built.indexDir,
  });
  const embedded = manifest.counts.chunks - (manifest.reused?.chunks ?? 0);
  const kb = Math.round(Math.min(...sizes) / 1024);
  return [
    {
      name: "add one document (s)",
      value: seconds(performance.now() - t0),
      atMost: 10,
      note: `${kb} KB, ${embedded} passages embedded, ${manifest.reused?.chunks ?? 0} reused`,
    },
  ];
}
