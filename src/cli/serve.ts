import { serve } from "@hono/node-server";
import { parseConfig } from "../config.js";
import { createApp } from "../http/app.js";
import { securityFromConfig } from "../http/security/options.js";
import type { ReadyState } from "../http/state.js";
import { buildIfNeeded } from "./build-if-needed.js";
import { loadState } from "./load-state.js";
import { log } from "./log.js";
import { embedderFromConfig, translatorFromConfig } from "./wire.js";

/**
 * `npm start`: listens at once (so /healthz answers and /api/* returns 503 while loading), builds the
 * index if it is missing or stale, then loads it and serves.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  let state: ReadyState | null = null;
  let status = "starting";
  const security = securityFromConfig(config);
  const app = createApp({
    state: () => state,
    status: () => status,
    maxBodyBytes: config.MAX_BODY_BYTES,
    security,
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) =>
    log(
      `server: listening on http://${config.HOST}:${info.port} (${security.sites.size} embedding site(s); ${config.RATE_LIMIT_PER_ADDRESS} requests per ${config.RATE_LIMIT_WINDOW_SECONDS} s per address)`,
    ),
  );
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    status = "loading embedder and dictionary";
    const [embedder, translator] = await Promise.all([
      embedderFromConfig(config, log),
      translatorFromConfig(),
    ]);
    status = "building index";
    await buildIfNeeded(config, embedder, translator);
    status = "loading index";
    state = await loadState(config, embedder, translator);
    status = "ready";
    log(
      `server: ready — ${state.manifest.counts.chunks} passages from ${state.manifest.counts.documents} documents.`,
    );
  } catch (e) {
    status = `failed: ${e instanceof Error ? e.message : String(e)}`;
    log(`server: ${status}`);
  }
}

main().catch((e: unknown) => {
  log(`server: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
