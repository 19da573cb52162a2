import cliProgress from "cli-progress";
import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import { buildIndex, staleReason, type BuildEvent } from "../store/build.js";
import type { Manifest } from "../store/types.js";
import { log } from "./log.js";
import { join } from "node:path";
import { firstHeading } from "../ingest/heading.js";
import { catalogEntryTemplate, hanShare } from "./catalog-entry.js";
import { loadDocumentText } from "./raw-text.js";
import { indexInputs, readCatalog, type CorpusLanguage } from "./wire.js";

/**
 * How {@link buildIfNeeded} runs: `force` rebuilds every document; `onProgress` also hears every
 * event; `plain` logs lines even on a terminal (no progress bar, e.g. inside the server's output).
 */
export interface BuildIfNeededOptions {
  force?: boolean;
  onProgress?: (e: BuildEvent) => void;
  plain?: boolean;
}

/**
 * Builds the index when it is missing or stale (corpus, corpus knowledge, embedder or schema
 * changed), with a progress bar on a terminal and plain lines otherwise. Chinese glosses and tables
 * are made with the corpus language loaded by the caller. Unchanged documents are taken from the
 * current index unless `force`. Returns null when the index was already current.
 */
export async function buildIfNeeded(
  config: Config,
  embedder: Embedder,
  language: CorpusLanguage,
  { force = false, onProgress: listener, plain = false }: BuildIfNeededOptions = {},
): Promise<Manifest | null> {
  const reason = force
    ? "rebuild requested"
    : await staleReason(
        config.CORPUS_DIR,
        config.INDEX_DIR,
        embedder.id,
        language.lexicon !== null,
      );
  if (!reason) {
    log(
      `index: up to date in ${config.INDEX_DIR} (corpus, knowledge and embedder unchanged); nothing to do.`,
    );
    return null;
  }
  log(`index: building in ${config.INDEX_DIR} (${reason}) with ${embedder.id}…`);
  const tty = process.stderr.isTTY && !plain;
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
    listener?.(e);
    if (e.stage === "reuse") {
      if (e.reason && !force) log(`  nothing reused: ${e.reason}`);
    } else if (e.stage === "documents")
      log(`  document ${e.done}/${e.total}: ${e.source}${e.reused ? " (unchanged, reused)" : ""}`);
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
    ...indexInputs(language),
    onProgress,
    reuse: !force,
  });
  const { documents, chunks, tables, terms } = manifest.counts;
  const reused = manifest.reused ?? { documents: 0, chunks: 0 };
  const embedded = chunks - reused.chunks;
  log(
    `index: done in ${manifest.buildSeconds}s — ${documents} documents (${reused.documents} unchanged, reused), ` +
      `${chunks} chunks (${embedded} embedded now${embedded ? `, ${(embedded / manifest.buildSeconds).toFixed(1)} chunks/s` : ""}), ` +
      `${tables} tables, ${terms} terms, embedder ${manifest.embedder.id} (${manifest.embedder.dimension}-d).`,
  );
  await reportUncatalogued(config, manifest);
  return manifest;
}

/** Prints a ready-to-edit `catalog.json` entry for each indexed document the catalog does not describe. */
async function reportUncatalogued(config: Config, manifest: Manifest): Promise<void> {
  const { catalog } = await readCatalog(config.CORPUS_DIR);
  const described = new Set(Object.values(catalog).map((e) => e.source));
  const missing = manifest.files.filter(
    (f) => !described.has(f.source) && !catalog[f.source.replace(/\.[^.]+$/u, "")],
  );
  if (!missing.length) return;
  const entries: string[] = [];
  for (const f of missing) {
    const raw = await loadDocumentText(config.CORPUS_DIR, f.source);
    const docId = f.source.replace(/\.[^.]+$/u, "");
    entries.push(
      catalogEntryTemplate({
        docId,
        source: f.source,
        heading: firstHeading(raw),
        hanShare: hanShare(raw),
      }),
    );
  }
  log(
    `index: ${missing.length} document(s) have no entry in ${join(config.CORPUS_DIR, "catalog.json")}; ` +
      "until they do, each is titled by its first # heading and cited without authors or year. " +
      "Add to the file's top-level object (and fill in authors, year, …):\n" +
      entries.join(",\n"),
  );
}
