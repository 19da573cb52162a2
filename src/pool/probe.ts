import type { Config } from "../config.js";
import type { EmbedderIdentity } from "../embed/deferred.js";
import { AppError } from "../errors.js";
import { runInThread } from "./spawn.js";

const PROBE_ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./probe-worker.ts" : "./probe-worker.js",
  import.meta.url,
);

/**
 * The identity of the embedder `config` selects (a local or hub model, else USE-lite), learnt in a
 * thread of its own that loads it and ends: which model loads is only known by loading it, but a
 * worker that never embeds a question need not keep it. `quiet` keeps the selection's log line
 * (one worker says it for all).
 *
 * @example
 *   const identity = await probeEmbedder(config); // → { id: "use-lite", dimension: 512, … }
 */
export function probeEmbedder(config: Config, quiet = false): Promise<EmbedderIdentity> {
  return runInThread<EmbedderIdentity>(
    PROBE_ENTRY,
    { config, quiet },
    (message) =>
      new AppError("embedder_unavailable", `The embedder could not be loaded: ${message}`),
  );
}
