import { parentPort, workerData } from "node:worker_threads";
import { embedderFromConfig } from "../cli/wire.js";
import type { Config } from "../config.js";
import type { EmbedderIdentity } from "../embed/deferred.js";

/**
 * A short-lived thread that loads the configured embedder to learn its identity, says it, and
 * ends, taking the model's memory with it (see `probeEmbedder`).
 */
const { config, quiet } = workerData as { config: Config; quiet: boolean };
const log = (m: string) => void (quiet || process.stderr.write(`${m}\n`));
try {
  const { id, dimension, multilingual } = await embedderFromConfig(config, log);
  const identity: EmbedderIdentity = { id, dimension, multilingual };
  parentPort?.postMessage({ result: identity });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
process.exit(0);
