import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "../config.js";
import { httpAsk } from "../eval/http.js";
import { askAll } from "../eval/run.js";
import { formatReport, scoreItem, summarise } from "../eval/score.js";
import { locateEvidence, parseQuestionSet } from "../eval/set.js";
import { listCorpusFiles, sha256 } from "../ingest/load.js";
import { writeFileAtomic } from "../store/atomic.js";
import { log } from "./log.js";
import { loadDocumentText } from "./raw-text.js";
import { startLocal } from "./start-local.js";

const USAGE = `usage: npm run eval [-- options]
  --set FILE      question set (JSONL, see eval/README.md); default eval/check.jsonl
  --json FILE     also write the scores per question and the summary as JSON
  --k N           passages counted for recall (default 5)
  --base URL      score a server already running there instead of starting one
  --shared DIR    also run DIR/eval/run-eval.mjs, the shared black-box client, on the same set
                  (DIR holds eval/ and corpus-seeds/, e.g. ../shared); optional
  --verbose       one line per question
  --help`;

/**
 * `npm run eval`: serves the index on an ephemeral local port (building it if needed), asks every
 * question of a set over HTTP as a client would, and scores the answers with the project's own
 * scorer (`src/eval/`), printing a table per question type. Needs nothing outside the repository.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: "string", default: "eval/check.jsonl" },
      json: { type: "string" },
      k: { type: "string", default: "5" },
      base: { type: "string" },
      shared: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1) throw new Error(`--k must be a positive whole number`);
  const setPath = resolve(values.set);
  if (!existsSync(setPath)) throw new Error(`no question set at ${setPath} (--set FILE)`);
  const script = values.shared ? resolve(values.shared, "eval/run-eval.mjs") : null;
  if (script && !existsSync(script))
    throw new Error(`no ${script}; --shared names the folder holding eval/ and corpus-seeds/`);

  const config = parseConfig(process.env);
  const labelled = parseQuestionSet(readFileSync(setPath, "utf8"), setPath);
  const texts = new Map<string, string>();
  for (const source of await listCorpusFiles(config.CORPUS_DIR))
    texts.set(source, await loadDocumentText(config.CORPUS_DIR, source));
  const items = locateEvidence(labelled, texts, seedMap(values.shared, texts));
  const unlocated = items.filter((it) => it.gold.length < it.evidence.length).map((it) => it.id);
  if (unlocated.length)
    log(`eval: evidence not found verbatim in the corpus for ${unlocated.join(", ")}`);

  const local = values.base ? null : await startLocal(config);
  const base = values.base ?? local!.base;
  try {
    log(`eval: ${items.length} questions from ${setPath} against ${base}…`);
    const { ask, errors } = httpAsk(base);
    const responses = await askAll(items, ask);
    const scores = items.map((it, i) => scoreItem(it, responses[i]!, texts, k));
    if (values.verbose)
      scores.forEach((s, i) =>
        console.log(
          `${s.id.padEnd(6)} ${s.type.padEnd(20)} ${s.correct ? "ok  " : "MISS"} ${responses[i]!.answer.replace(/\s+/gu, " ").slice(0, 100)}`,
        ),
      );
    console.log(`set ${setPath}  k=${k}  items=${items.length}`);
    console.log(formatReport(scores));
    if (errors.length)
      console.log(`request errors (${errors.length}):\n  ${errors.slice(0, 10).join("\n  ")}`);
    if (values.json)
      await writeFileAtomic(
        resolve(values.json),
        JSON.stringify(
          { set: setPath, base, k, overall: summarise(scores), scores, errors },
          null,
          2,
        ),
      );
    if (script)
      process.exitCode = await runShared(script, base, setPath, values, config.CORPUS_DIR);
    if (errors.length) process.exitCode = 1;
  } finally {
    await local?.close();
  }
}

/** Seed file name → corpus file, by content, when the shared seeds are at hand (else quotes are looked up everywhere). */
function seedMap(shared: string | undefined, texts: ReadonlyMap<string, string>) {
  const map = new Map<string, string>();
  const dir = shared ? resolve(shared, "corpus-seeds") : null;
  if (!dir || !existsSync(dir)) return map;
  const byHash = new Map([...texts].map(([source, text]) => [sha256(text), source]));
  for (const name of readdirSafe(dir)) {
    const source = byHash.get(sha256(readFileSync(resolve(dir, name), "utf8")));
    if (source) map.set(name, source);
  }
  return map;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Runs the shared black-box client on the same server and set; resolves with its exit code. */
function runShared(
  script: string,
  base: string,
  setPath: string,
  values: { shared?: string; verbose?: boolean },
  corpusDir: string,
): Promise<number> {
  log(`eval: also scoring with ${script}…`);
  const args = [script, "--base", base, "--set", setPath, "--corpus", resolve(corpusDir)];
  args.push("--seeds", resolve(values.shared!, "corpus-seeds"));
  if (values.verbose) args.push("--verbose");
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    child.on("exit", (c) => done(c ?? 1));
  });
}

main().catch((e: unknown) => {
  log(`eval: failed — ${e instanceof Error ? e.message : String(e)}`);
  if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) log(USAGE);
  process.exitCode = 1;
});
