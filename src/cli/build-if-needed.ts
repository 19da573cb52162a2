import cliProgress from "cli-progress";
import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import { buildIndex, staleReason, type BuildEvent } from "../store/build.js";
import type { Manifest } from "../store/types.js";
import type { Translator } from "../lexicon/types.js";
import { log } from "./log.js";
import { extractTablesFor } from "./wire.js";

/**
 * Builds the index when it is missing or stale (corpus, embedder or schema changed), with a progress
 * bar on a terminal and plain lines otherwise. Returns null when the index was already current.
 */
export async function buildIfNeeded(
  config: Config,
  embedder: Embedder,
  translator: Translator | null,
  force = false,
): Promise<Manifest | null> {
  const reason = force
    ? "rebuild requested"
    : await staleReason(config.CORPUS_DIR, config.INDEX_DIR, embedder.id, translator !== null);
  if (!reason) {
    log(`index: up to date in ${config.INDEX_DIR} (corpus and embedder unchanged); nothing to do.`);
    return null;
  }
  log(`index: building in ${config.INDEX_DIR} (${reason}) with ${embedder.id}…`);
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: "embedding |{bar}| {value}/{total} chunks | {rate} chunks/s | eta {eta}s",
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = performance.now();
  let lastLogged = 0;
  const onProgress = (e: BuildEvent) => {
    if (e.stage === "documents") log(`  document ${e.done}/${e.total}: ${e.source}`);
    else if (e.stage === "embedding") {
      const rate = (e.done / ((performance.now() - started) / 1000)).toFixed(1);
      if (bar) {
        if (e.done <= 32) bar.start(e.total, 0, { rate });
        bar.update(e.done, { rate });
        if (e.done >= e.total) bar.stop();
      } else if (e.done - lastLogged >= 128 || e.done >= e.total) {
        lastLogged = e.done;
        log(`  embedded ${e.done}/${e.total} chunks (${rate} chunks/s)`);
      }
    } else log("  writing index files…");
  };
  const manifest = await buildIndex({
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedder,
    gloss: translator ? (zh) => translator.gloss(zh) : undefined,
    extractTables: extractTablesFor,
    onProgress,
  });
  const { documents, chunks, tables, terms } = manifest.counts;
  log(
    `index: done in ${manifest.buildSeconds}s — ${documents} documents, ${chunks} chunks (${(chunks / manifest.buildSeconds).toFixed(1)} chunks/s), ` +
      `${tables} tables, ${terms} terms, embedder ${manifest.embedder.id} (${manifest.embedder.dimension}-d).`,
  );
  return manifest;
}
