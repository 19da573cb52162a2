import type { Context } from "hono";
import { memoryLimiter, type LimitScope, type RateLimiter } from "../http/security/limiter.js";
import { securityOptions, type SecurityOptions } from "../http/security/options.js";
import { createSiteRegistry, parseSites, type SiteRegistry } from "../http/security/sites.js";
import type { KvBinding, RateLimitBinding, WorkerConfig, WorkerEnv } from "./env.js";

/** The key of the sites list in the `SITES_KV` namespace. */
export const SITES_KEY = "sites";
/** How long a sites list read from KV is used before it is read again. */
const SITES_TTL_MS = 60_000;

/** The client's address as Cloudflare's edge saw it (it sets the header; clients cannot). */
export const connectingAddress = (c: Context): string | undefined =>
  c.req.header("cf-connecting-ip") || undefined;

/**
 * Counts requests with the Workers Rate Limiting bindings, one per scope: their limits and periods
 * are set in wrangler.toml (`[[ratelimits]]`) and counted by Cloudflare for all the Worker's
 * isolates in a location (approximately, and per location, not across the world), so the
 * limit passed by the app is not theirs to apply. A scope without a binding is counted in this
 * isolate's memory at the app's limit. A refusal waits `windowSeconds` (the bindings' period).
 *
 * @example
 *   const limiter = bindingLimiter({ address: env.ADDRESS_LIMITER, site: env.SITE_LIMITER }, { windowSeconds: 60 });
 */
export function bindingLimiter(
  bindings: Partial<Record<LimitScope, RateLimitBinding>>,
  opts: { windowSeconds: number; now?: () => number },
): RateLimiter {
  const fallback = memoryLimiter({ windowSeconds: opts.windowSeconds, now: opts.now ?? Date.now });
  return {
    async hit(scope, key, limit) {
      const binding = bindings[scope];
      if (!binding) return fallback.hit(scope, key, limit);
      const { success } = await binding.limit({ key: `${scope}:${key}` });
      return success ? { ok: true } : { ok: false, retryAfter: opts.windowSeconds };
    },
  };
}

/** The sites that may embed the chat, re-read from KV when they are older than a minute. */
export interface SiteSource {
  readonly registry: SiteRegistry;
  /** Reads the list again when it is due; an invalid new list is logged and the old one kept. */
  refresh(): Promise<void>;
}

/**
 * The sites list from `SITES_KV` (key `sites`, the JSON of the Node server's `SITES`), else from the
 * `SITES` variable, else none. The first read throws a readable error on an invalid list.
 *
 * @example
 *   const sites = await siteSource(env, config, console.error);
 *   await sites.refresh(); // before each request
 */
export async function siteSource(
  env: Pick<WorkerEnv, "SITES_KV">,
  config: Pick<WorkerConfig, "SITES">,
  log: (message: string) => void,
  now: () => number = Date.now,
): Promise<SiteSource> {
  const kv: KvBinding | undefined = env.SITES_KV;
  const read = async (): Promise<SiteRegistry> => {
    if (kv) {
      const json = await kv.get(SITES_KEY, "text");
      if (json !== null) return createSiteRegistry(parseSites(json, `SITES_KV key "${SITES_KEY}"`));
    }
    return createSiteRegistry(config.SITES ? parseSites(config.SITES, "SITES") : []);
  };
  let current = await read();
  let readAt = now();
  // The registry the app holds delegates to the latest list.
  const registry: SiteRegistry = {
    get: (key) => current.get(key),
    knowsOrigin: (origin) => current.knowsOrigin(origin),
    get size() {
      return current.size;
    },
  };
  return {
    registry,
    async refresh() {
      if (!kv || now() - readAt < SITES_TTL_MS) return;
      readAt = now();
      try {
        current = await read();
      } catch (e) {
        log(`worker: sites list not updated — ${(e as Error).message}`);
      }
    },
  };
}

/** Origins learnt from requests are capped: a Worker has a handful of routes, never more. */
const MAX_LEARNT_ORIGINS = 16;

/** The origins of the Worker's own pages, which same-origin requests must come from exactly. */
export interface OwnOrigins {
  readonly list: readonly string[];
  /** Called with each request's URL before the app sees it. */
  reachedAt(url: string): void;
}

/**
 * The Worker's own origins: `PUBLIC_ORIGIN` when set, else each origin a request was addressed to.
 * Unlike a Node server, whose `Host` any name resolving to it can set, a Worker is reached only
 * through the routes and domains its account gave it, so the request URL's origin is its own.
 *
 * @example
 *   const origins = ownOrigins(undefined);
 *   origins.reachedAt("https://regions-qa.example.workers.dev/api/ask");
 *   origins.list // → ["https://regions-qa.example.workers.dev"]
 */
export function ownOrigins(configured: readonly string[] | undefined): OwnOrigins {
  if (configured) return { list: configured, reachedAt: () => {} };
  const list: string[] = [];
  return {
    list,
    reachedAt(url) {
      const origin = new URL(url).origin;
      if (!list.includes(origin) && list.length < MAX_LEARNT_ORIGINS) list.push(origin);
    },
  };
}

/**
 * The app's security options on Workers: the sites, the Worker's own origins, the client address
 * from `cf-connecting-ip`, and the rate limiting bindings (or memory where one is missing).
 *
 * @example
 *   const security = workerSecurity(env, config, sites.registry, ownOrigins(config.PUBLIC_ORIGIN).list);
 */
export function workerSecurity(
  env: Pick<WorkerEnv, "ADDRESS_LIMITER" | "SITE_LIMITER">,
  config: WorkerConfig,
  sites: SiteRegistry,
  publicOrigins: readonly string[],
): SecurityOptions {
  return securityOptions({
    sites,
    publicOrigins,
    perAddress: config.RATE_LIMIT_PER_ADDRESS,
    perSite: config.RATE_LIMIT_PER_SITE,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    clientAddress: connectingAddress,
    limiter: bindingLimiter(
      { address: env.ADDRESS_LIMITER, site: env.SITE_LIMITER },
      { windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    ),
  });
}
