import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Config } from "../config.js";
import { createApp } from "../http/app.js";
import { securityFromConfig } from "../http/security/options.js";
import { buildIfNeeded } from "./build-if-needed.js";
import { loadState } from "./load-state.js";
import { log } from "./log.js";
import { embedderFromConfig, translatorFromConfig } from "./wire.js";

/** Builds (if needed), loads and serves the index on an ephemeral 127.0.0.1 port, for eval and bench. */
export async function startLocal(
  config: Config,
): Promise<{ base: string; server: ServerType; close: () => Promise<void> }> {
  const [embedder, translator] = await Promise.all([
    embedderFromConfig(config, log),
    translatorFromConfig(),
  ]);
  await buildIfNeeded(config, embedder, translator);
  const state = await loadState(config, embedder, translator);
  // The local client is the operator: the configured limits apply, but the per-address one is off.
  const security = { ...securityFromConfig(config), perAddress: 0 };
  const app = createApp({
    state: () => state,
    status: () => "ready",
    maxBodyBytes: config.MAX_BODY_BYTES,
    security,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
