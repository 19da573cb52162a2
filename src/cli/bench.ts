import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchAsk } from "../bench/ask.js";
import { benchFirstStart } from "../bench/first-start.js";
import { benchAddDocument, benchFullBuild } from "../bench/index-build.js";
import { formatMetrics, rssMb } from "../bench/report.js";
import type { Metric } from "../bench/types.js";
import { parseConfig } from "../config.js";
import { parseQuestionSet } from "../eval/set.js";
import { loadState } from "./load-state.js";
import { log } from "./log.js";
import { embedderFromConfig, indexInputs, loadLanguage } from "./wire.js";

const USAGE = `usage: npm run bench [-- options]
  --set FILE     questions to time (JSONL; only their text is used); default eval/check.jsonl
  --shared DIR   take the questions from DIR/eval/dev.jsonl instead (unless --set is given)
  --help`;

/** Resident memory target in MB. */
const RSS_MB = 1500;

/**
 * `npm run bench`: times the first start of the server, a full index build of a copy of the corpus
 * in a temporary folder, adding one document to it, and `ask` over a question set; reports resident
 * memory. Each step is a function in `src/bench/` returning metrics, so more steps (load generation)
 * slot in. Exits 1 when a target is missed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: "string" },
      shared: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const setPath = resolve(
    values.set ?? (values.shared ? join(values.shared, "eval/dev.jsonl") : "eval/check.jsonl"),
  );
  if (!existsSync(setPath)) throw new Error(`no question set at ${setPath}`);
  const questions = parseQuestionSet(readFileSync(setPath, "utf8"), setPath).flatMap(
    (it) => it.turns?.map((t) => t.question) ?? [it.question],
  );
  const config = parseConfig(process.env);
  const workDir = await mkdtemp(join(tmpdir(), "qa-bench-"));
  const metrics: Metric[] = [];
  try {
    log("bench: first start…");
    metrics.push(...(await benchFirstStart(config, workDir)));
    const embedder = await embedderFromConfig(config, log);
    const language = await loadLanguage(config.CORPUS_DIR);
    const b = { corpusDir: config.CORPUS_DIR, workDir, embedder, ...indexInputs(language) };
    log("bench: full index build…");
    const built = await benchFullBuild(b);
    metrics.push(...built.metrics);
    const state = await loadState({ ...config, INDEX_DIR: built.indexDir }, embedder, language);
    metrics.push({ name: "RSS after load (MB)", value: rssMb(), atMost: RSS_MB });
    log(`bench: ${questions.length} questions from ${setPath}…`);
    metrics.push(...(await benchAsk(state.qa, questions)));
    metrics.push({ name: "RSS after queries (MB)", value: rssMb(), atMost: RSS_MB });
    log("bench: adding one document…");
    metrics.push(...(await benchAddDocument(b, built)));
    const m = built.manifest;
    console.log(
      `bench: ${m.counts.documents} documents, ${m.counts.chunks} passages, ${m.counts.tables} tables, embedder ${m.embedder.id}`,
    );
    const { text, missed } = formatMetrics(metrics);
    console.log(text);
    process.exitCode = missed ? 1 : 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`bench: failed — ${e instanceof Error ? e.message : String(e)}`);
  if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) log(USAGE);
  process.exitCode = 1;
});
