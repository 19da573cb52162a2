import type { ExecutionContext, Hono } from "hono";
import { createApp } from "./http/app.js";
import type { ReadyState } from "./http/state.js";
import { createAssets } from "./http/widget/assets.js";
import { openWorkerData } from "./worker/data.js";
import { parseWorkerConfig, type WorkerEnv } from "./worker/env.js";
import { siteSource, workerSecurity, type SiteSource } from "./worker/security.js";
import { loadWorkerState, readWidgetAssets } from "./worker/state.js";

/** A failed start is tried again by the first request after this long. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/** What one isolate serves: the app, the sites it refreshes, and whether its start failed. */
interface Served {
  app: Hono;
  sites: SiteSource | null;
  failedAt: number | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Builds what this isolate serves, once: the Worker's variables, its data through the assets
 * binding, the state every request reads (the same `createApp` as the Node server), the sites and
 * the rate limiting bindings. Never rejects: a failure is served as the app in its failed state
 * (`/healthz` says why, the API answers 503).
 */
async function start(env: WorkerEnv): Promise<Served> {
  let log = (m: string) => console.log(m);
  let status = "loading the index";
  let state: ReadyState | null = null;
  try {
    const config = parseWorkerConfig(env);
    if (config.LOG_LEVEL === "silent") log = () => {};
    const [data, sites] = await Promise.all([
      openWorkerData(env.ASSETS),
      siteSource(env, config, log),
    ]);
    const assets = createAssets(await readWidgetAssets(data));
    let failedAt: number | null = null;
    try {
      state = await loadWorkerState(env, data);
      status = "ready";
      const m = state.manifest;
      log(
        `worker: serving index ${m.buildId} — ${m.counts.chunks} passages from ${m.counts.documents} documents; questions embedded with ${state.embedderId}.`,
      );
    } catch (e) {
      status = `the index could not be loaded: ${message(e)}`;
      failedAt = Date.now();
      log(`worker: ${status}`);
    }
    const app = createApp({
      state: () => state,
      status: () => status,
      maxBodyBytes: config.MAX_BODY_BYTES,
      security: workerSecurity(env, config, sites.registry),
      assets,
    });
    return { app, sites, failedAt };
  } catch (e) {
    status = `the Worker could not start: ${message(e)}`;
    log(`worker: ${status}`);
    return {
      app: createApp({ state: () => null, status: () => status }),
      sites: null,
      failedAt: Date.now(),
    };
  }
}

let served: Promise<Served> | null = null;

/**
 * The Cloudflare Workers entry: the same HTTP app as the Node server (`createApp`), over the data
 * `npm run build:worker` put behind the assets binding.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    served ??= start(env);
    const current = served;
    let s = await current;
    if (s.failedAt !== null && Date.now() - s.failedAt > RETRY_AFTER_FAILURE_MS) {
      // Requests arriving together start once.
      if (served === current) served = start(env);
      s = await served;
    }
    await s.sites?.refresh();
    return s.app.fetch(request, env, ctx);
  },
};
