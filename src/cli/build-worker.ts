import { dirname, join } from "node:path";
import { parseConfig } from "../config.js";
import { log } from "./log.js";
import { buildWorkerData, WORKER_DATA_DIR } from "./worker-data.js";

/**
 * `npm run build:worker [-- --out DIR] [-- --vectorize]`: writes the Worker's data from the built
 * index (`npm run index` first) and the corpus. With `--vectorize` the vectors go to
 * `vectorize.ndjson` beside DIR (`index/vectorize.ndjson`), for `wrangler vectorize insert`.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  const outDir = at >= 0 && args[at + 1] ? args[at + 1]! : WORKER_DATA_DIR;
  const t0 = performance.now();
  const { about, bytes } = await buildWorkerData({
    indexDir: config.INDEX_DIR,
    corpusDir: config.CORPUS_DIR,
    outDir,
    vectorize: args.includes("--vectorize") ? join(dirname(outDir), "vectorize.ndjson") : undefined,
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const cedict = about.cedict
    ? `${about.cedict.entries} of ${about.cedict.of} dictionary entries (${about.cedict.headwords} more headwords for segmentation)`
    : "no dictionary";
  log(
    `build:worker: wrote ${outDir} in ${seconds}s — index ${about.buildId}, ${about.texts.length} texts, ` +
      `${about.vectors.count} vectors (${about.vectors.dimension}-d, ${about.vectors.store === "vectorize" ? `for Vectorize in ${join(dirname(outDir), "vectorize.ndjson")}` : "in vectors.f32"}), ${cedict}, ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${Object.keys(about.files).length + 1} files.`,
  );
}

main().catch((e: unknown) => {
  log(`build:worker: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
