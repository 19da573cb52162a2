import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseConfig } from "../config.js";
import { log } from "./log.js";
import { startLocal } from "./start-local.js";

/**
 * `npm run eval [-- --set path.jsonl] [--json out.json]`: serves the index on a local port and scores
 * it with the shared black-box client (`../shared/eval/run-eval.mjs`), printing its per-type table.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const shared = resolve(opt("shared", "../shared"));
  const script = resolve(shared, "eval/run-eval.mjs");
  if (!existsSync(script))
    throw new Error(
      `Cannot find ${script}; pass --shared <dir> (the folder holding eval/ and corpus-seeds/).`,
    );
  const config = parseConfig(process.env);
  const local = await startLocal(config);
  try {
    const extra = args.includes("--json") ? ["--json", opt("json", "eval-results.json")] : [];
    const code = await new Promise<number>((done) => {
      const child = spawn(
        process.execPath,
        [
          script,
          "--base",
          local.base,
          "--set",
          resolve(opt("set", resolve(shared, "eval/dev.jsonl"))),
          "--corpus",
          resolve(config.CORPUS_DIR),
          "--seeds",
          resolve(shared, "corpus-seeds"),
          ...extra,
          ...(args.includes("--verbose") ? ["--verbose"] : []),
        ],
        { stdio: "inherit" },
      );
      child.on("exit", (c) => done(c ?? 1));
    });
    process.exitCode = code;
  } finally {
    await local.close();
  }
}

main().catch((e: unknown) => {
  log(`eval: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
