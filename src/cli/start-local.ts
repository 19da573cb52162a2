import type { Config } from "../config.js";
import { log } from "./log.js";
import { startServer } from "./server.js";

/**
 * The server as `npm start` runs it (building the index first if needed), on an ephemeral 127.0.0.1
 * port, for eval and bench. The local client is the operator: the configured limits apply, but the
 * per-address one is off. Its client asks one question at a time, so one answering worker unless
 * WORKERS says otherwise (each worker loads the models and index). Rejects when no index could be
 * built or loaded.
 *
 * @example
 *   const local = await startLocal(config);
 *   await fetch(`${local.base}/api/ask`, …);
 *   await local.close();
 */
export async function startLocal(
  config: Config,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = await startServer(
    { ...config, PORT: 0, HOST: "127.0.0.1", WORKERS: config.WORKERS || 1 },
    { log, perAddress: 0, watch: false },
  );
  await server.started;
  if (!server.live.current()) {
    await server.close();
    throw new Error(`no index to serve (${server.live.status()})`);
  }
  return { base: server.url, close: () => server.close() };
}
