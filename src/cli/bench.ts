import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchAsk } from "../bench/ask.js";
import { benchFirstStart } from "../bench/first-start.js";
import { benchAddDocument, benchFullBuild } from "../bench/index-build.js";
import { loadQuestionBodies } from "../bench/load-questions.js";
import { formatMetrics, rssMb } from "../bench/report.js";
import { benchServing } from "../bench/serving.js";
import type { Metric } from "../bench/types.js";
import { parseConfig } from "../config.js";
import { parseQuestionSet } from "../eval/set.js";
import { loadState } from "./load-state.js";
import { log } from "./log.js";
import { embedderFromConfig, indexInputs, loadLanguage } from "./wire.js";

const USAGE = `usage: npm run bench [-- options]
  --set FILE          questions timed in-process (JSONL; only their text is used); default eval/check.jsonl
  --shared DIR        take those questions from DIR/eval/dev.jsonl instead (unless --set is given)
  --seconds N         length of each load round (default 10)
  --rounds N          alternating rounds per server and connection count (default 2)
  --connections LIST  connection counts (default 1,16,64)
  --soak N            seconds at 64 connections with /healthz probed (default 60; 0 skips it)
  --peer DIR          the LangChain.js peer to compare with (default ../shared/peer; skipped when absent)
  --no-peer           measure without the peer
  --fresh-peer        build the peer's index again even when its cached build is current
  --baseline DIR      also serve another checkout of this project (e.g. before a change) side by side
  --serving-only      only the load benchmark, over the configured INDEX_DIR and CORPUS_DIR
  --no-serving        skip the load benchmark
  --help`;

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** Resident memory target of the in-process steps, in MB. */
const RSS_MB = 1500;

/** Whole numbers from a flag (comma-separated), or a readable error naming it. */
function wholeNumbers(flag: string, text: string): number[] {
  const values = text.split(",").map((v) => (/^\d+$/u.test(v.trim()) ? Number(v) : NaN));
  if (values.some((v) => !Number.isInteger(v)))
    throw new Error(`${flag} takes whole numbers (got "${text}")`);
  return values;
}

/**
 * `npm run bench`: times the first start of the server, a full index build of a copy of the corpus
 * in a temporary folder, adding one document to it, and `ask` in-process over a question set; then
 * serves that index and loads it over HTTP side by side with the LangChain.js peer (when
 * `../shared/peer` exists), holds it at 64 connections while `/healthz` is probed, and measures the
 * answer cache. Each step is a function in `src/bench/` returning metrics. Exits 1 when a target is
 * missed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: "string" },
      shared: { type: "string" },
      seconds: { type: "string", default: "10" },
      rounds: { type: "string", default: "2" },
      connections: { type: "string", default: "1,16,64" },
      soak: { type: "string", default: "60" },
      peer: { type: "string", default: "../shared/peer" },
      "no-peer": { type: "boolean", default: false },
      "fresh-peer": { type: "boolean", default: false },
      baseline: { type: "string" },
      "serving-only": { type: "boolean", default: false },
      "no-serving": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const [seconds = 10] = wholeNumbers("--seconds", values.seconds);
  const [rounds = 2] = wholeNumbers("--rounds", values.rounds);
  const [soak = 60] = wholeNumbers("--soak", values.soak);
  const levels = wholeNumbers("--connections", values.connections);
  const config = parseConfig(process.env);
  const serving = async (indexDir: string, corpusDir: string) => {
    const r = await benchServing({
      repoDir: REPO,
      indexDir: resolve(indexDir),
      corpusDir: resolve(corpusDir),
      bodies: await loadQuestionBodies(),
      levels,
      rounds,
      seconds,
      soakSeconds: soak,
      peer: values["no-peer"]
        ? null
        : {
            source: resolve(values.peer),
            cacheRoot: join(REPO, "node_modules/.cache/regions-qa-bench"),
            fresh: values["fresh-peer"],
          },
      baseline: values.baseline ? resolve(values.baseline) : null,
      env: {},
      log,
    });
    console.log(
      `bench: load over HTTP, answer cache off, ${rounds} alternating round(s) of ${seconds} s, ` +
        "the mixed questions of bench/load-questions.jsonl cycled:",
    );
    console.log(r.table);
    for (const note of r.notes) console.log(`bench: ${note}`);
    return r.metrics;
  };

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}`;
  if (values["serving-only"]) {
    const metrics = await serving(config.INDEX_DIR, config.CORPUS_DIR);
    const { text, missed } = formatMetrics(metrics);
    console.log(`bench: ${new Date().toISOString()} on ${machine}\n${text}`);
    process.exitCode = missed ? 1 : 0;
    return;
  }

  const setPath = resolve(
    values.set ?? (values.shared ? join(values.shared, "eval/dev.jsonl") : "eval/check.jsonl"),
  );
  if (!existsSync(setPath)) throw new Error(`no question set at ${setPath}`);
  const questions = parseQuestionSet(readFileSync(setPath, "utf8"), setPath).flatMap(
    (it) => it.turns?.map((t) => t.question) ?? [it.question],
  );
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
    if (!values["no-serving"]) metrics.push(...(await serving(built.indexDir, built.corpusCopy)));
    log("bench: adding one document…");
    metrics.push(...(await benchAddDocument(b, built)));
    const m = built.manifest;
    console.log(
      `bench: ${new Date().toISOString()} on ${machine}; ${m.counts.documents} documents, ` +
        `${m.counts.chunks} passages, ${m.counts.tables} tables, embedder ${m.embedder.id}`,
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
