import { parseConfig } from "../config.js";
import { buildIfNeeded } from "./build-if-needed.js";
import type { BuildMessage } from "./build-messages.js";
import { log } from "./log.js";
import { embedderFromConfig, loadLanguage } from "./wire.js";

/**
 * The index build as a child process of the server (see `build-runner.ts`): what `npm run index`
 * does, with progress sent to the parent over IPC, so the server's event loop stays free.
 */
const send = (m: BuildMessage) =>
  new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

// Without the server there is nobody to build for: stop rather than run on as an orphan.
let finished = false;
process.on("disconnect", () => {
  if (!finished) process.exit(1);
});

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const [embedder, language] = await Promise.all([
    embedderFromConfig(config, log),
    loadLanguage(config.CORPUS_DIR),
  ]);
  const manifest = await buildIfNeeded(config, embedder, language, {
    force: process.argv.includes("--force"),
    plain: true,
    onProgress: (event) => void send({ kind: "progress", event }),
  });
  await send({ kind: "done", manifest });
}

main()
  .catch(async (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    log(`index: failed — ${message}`);
    await send({ kind: "failed", message });
    process.exitCode = 1;
  })
  .finally(() => {
    finished = true;
    if (process.connected) process.disconnect?.();
  });
