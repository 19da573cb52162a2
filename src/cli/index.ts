import { parseConfig } from "../config.js";
import { buildIfNeeded } from "./build-if-needed.js";
import { log } from "./log.js";
import { embedderFromConfig, loadLanguage } from "./wire.js";

/** `npm run index [-- --force]`: builds the index when the corpus or embedder changed. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const force = process.argv.includes("--force");
  const [embedder, language] = await Promise.all([
    embedderFromConfig(config, log),
    loadLanguage(config.CORPUS_DIR),
  ]);
  await buildIfNeeded(config, embedder, language, { force });
}

main().catch((e: unknown) => {
  log(`index: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
