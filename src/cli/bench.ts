import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseConfig } from "../config.js";
import { buildIndex } from "../store/build.js";
import { loadState } from "./load-state.js";
import { log } from "./log.js";
import { embedderFromConfig, extractTablesFor, translatorFromConfig } from "./wire.js";

/** Targets the benchmark checks; speed and memory live here, not in timed tests. */
const TARGETS = { buildSeconds: 240, askP50Ms: 150, askP95Ms: 500, rssMb: 1500 };

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/**
 * `npm run bench`: builds a fresh index of the corpus in a temporary folder (documents, chunks/s),
 * then times `ask` over a question set (the dev questions by default; only their text is used)
 * and reports latency percentiles and resident memory against the targets above.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const setPath = resolve(process.argv[2] ?? "../shared/eval/dev.jsonl");
  const questions = readFileSync(setPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const [embedder, translator] = await Promise.all([
    embedderFromConfig(config, log),
    translatorFromConfig(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), "qa-bench-"));
  try {
    const indexDir = join(dir, "current");
    const manifest = await buildIndex({
      corpusDir: config.CORPUS_DIR,
      indexDir,
      embedder,
      gloss: translator ? (t) => translator.gloss(t) : undefined,
      extractTables: extractTablesFor,
    });
    const state = await loadState({ ...config, INDEX_DIR: indexDir }, embedder, translator);
    const rssLoaded = mb();
    for (const q of questions.slice(0, 3)) await state.qa.ask({ question: q }); // warm-up
    const times: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of questions) {
        const t0 = performance.now();
        await state.qa.ask({ question: q });
        times.push(performance.now() - t0);
      }
    const rows: Array<[string, number, number, string]> = [
      ["index build (s)", manifest.buildSeconds, TARGETS.buildSeconds, "≤"],
      [
        "index chunks/s",
        Math.round((manifest.counts.chunks / manifest.buildSeconds) * 10) / 10,
        0,
        "info",
      ],
      ["ask p50 (ms)", Math.round(pct(times, 0.5)), TARGETS.askP50Ms, "≤"],
      ["ask p95 (ms)", Math.round(pct(times, 0.95)), TARGETS.askP95Ms, "≤"],
      ["RSS after load (MB)", rssLoaded, TARGETS.rssMb, "≤"],
      ["RSS after queries (MB)", mb(), TARGETS.rssMb, "≤"],
    ];
    console.log(
      `bench: ${manifest.counts.documents} documents, ${manifest.counts.chunks} chunks, ${manifest.counts.tables} tables, embedder ${manifest.embedder.id}, ${times.length} asks`,
    );
    console.log("metric                      value   target  ok");
    let failed = 0;
    for (const [name, value, target, op] of rows) {
      const ok = op === "info" ? "" : value <= target ? "yes" : "NO";
      if (ok === "NO") failed++;
      console.log(
        `${name.padEnd(26)} ${String(value).padStart(7)} ${op === "info" ? "".padStart(8) : String(target).padStart(8)}  ${ok}`,
      );
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`bench: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
