import type { ExecutionContext, Hono } from "hono";
import { createAnswerCache } from "./http/answer-cache.js";
import { createApp } from "./http/app.js";
import type { Readiness, ReadyState } from "./http/state.js";
import { createAssets } from "./http/widget/assets.js";
import { openWorkerData } from "./worker/data.js";
import { parseWorkerConfig, type WorkerEnv } from "./worker/env.js";
import {
  ownOrigins,
  siteSource,
  workerSecurity,
  type OwnOrigins,
  type SiteSource,
} from "./worker/security.js";
import { loadWorkerState, readWidgetAssets } from "./worker/state.js";

/** A failed start is tried again by the first request after this long. */
const RETRY_AFTER_FAILURE_MS = 30_000;
/** Bound on the cached answers' JSON in one isolate (128 MB of memory in all). */
const ANSWER_CACHE_BYTES = 8 * 1024 * 1024;

/** What one isolate serves: the app, the sites it refreshes, its origins, and whether its start failed. */
interface Served {
  app: Hono;
  sites: SiteSource | null;
  origins: OwnOrigins | null;
  failedAt: number | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Builds what this isolate serves, once: the Worker's variables, its data through the assets
 * binding, the state every request reads (the same `createApp` as the Node server), the sites and
 * the rate limiting bindings. Never rejects: a failure is served as the app in its failed state
 * (`/readyz` says why, the API answers 503).
 */
async function start(env: WorkerEnv): Promise<Served> {
  let log = (m: string) => console.log(m);
  let readiness: Readiness = {
    state: "loading",
    manifest: null,
    status: "loading the index",
    progress: null,
  };
  const failed = (status: string) => {
    readiness = { state: "failed", manifest: null, status, progress: null };
    log(`worker: ${status}`);
  };
  let state: ReadyState | null = null;
  const deps = { state: () => state, status: () => readiness.status, readiness: () => readiness };
  try {
    const config = parseWorkerConfig(env);
    if (config.LOG_LEVEL === "silent") log = () => {};
    const [data, sites] = await Promise.all([
      openWorkerData(env.ASSETS),
      siteSource(env, config, log),
    ]);
    const assets = createAssets(await readWidgetAssets(data));
    const origins = ownOrigins(config.PUBLIC_ORIGIN);
    let failedAt: number | null = null;
    try {
      state = await loadWorkerState(env, data);
      const m = state.manifest;
      readiness = { state: "ready", manifest: m, status: "ready", progress: null };
      log(
        `worker: serving index ${m.buildId} — ${m.counts.chunks} passages from ${m.counts.documents} documents; questions embedded with ${state.embedderId}.`,
      );
    } catch (e) {
      failed(`the index could not be loaded: ${message(e)}`);
      failedAt = Date.now();
    }
    const cache =
      config.ANSWER_CACHE > 0
        ? createAnswerCache({ maxEntries: config.ANSWER_CACHE, maxBytes: ANSWER_CACHE_BYTES })
        : undefined;
    const app = createApp({
      ...deps,
      cache,
      maxBodyBytes: config.MAX_BODY_BYTES,
      security: workerSecurity(env, config, sites.registry, origins.list),
      assets,
    });
    return { app, sites, origins, failedAt };
  } catch (e) {
    failed(`the Worker could not start: ${message(e)}`);
    return { app: createApp(deps), sites: null, origins: null, failedAt: Date.now() };
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
    s.origins?.reachedAt(request.url);
    return s.app.fetch(request, env, ctx);
  },
};
