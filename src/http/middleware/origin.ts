import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { AppError } from "../../errors.js";
import type { Site, SiteRegistry } from "../security/sites.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The site whose key came with the request (`X-Site-Key` header or `site` query). */
    site: Site | undefined;
  }
}

/** Header the widget and other browser clients use to name their site key. */
export const SITE_KEY_HEADER = "x-site-key";

/** The key a request names, from the header or the `site` query parameter. */
export const siteKeyOf = (c: Context): string | undefined =>
  c.req.header(SITE_KEY_HEADER) || c.req.query("site") || undefined;

/**
 * True when `origin` is one of the service's own: scheme, host and port equal to a configured public
 * origin. Neither the `Host` header (a page on a name that resolves to this server controls both)
 * nor `Sec-Fetch-Site` (same-origin for such a page too) can make a request same-origin.
 *
 * @example
 *   isSameOrigin("http://127.0.0.1:8787", ["http://127.0.0.1:8787"]) // → true
 *   isSameOrigin("https://127.0.0.1:8787", ["http://127.0.0.1:8787"]) // → false
 */
export function isSameOrigin(origin: string, publicOrigins: readonly string[]): boolean {
  return publicOrigins.includes(origin);
}

/** Counts a refused request and rejects (429 over the limit, else the refusal); see `Limits.refuse`. */
export type Refuse = (c: Context, refusal: AppError) => Promise<never>;
const justThrow: Refuse = async (_c, refusal) => {
  throw refusal;
};

/**
 * Refuses browser requests from origins the sites file does not list, with a 403 problem naming the
 * origin. Requests without `Origin` (curl, servers, the eval client) and same-origin requests pass;
 * an unknown site key is refused wherever it comes from. Every refusal goes through `refuse`, which
 * counts it against the client's rate limit.
 *
 * @example
 *   app.use("/api/*", originGuard(sites, ["http://127.0.0.1:8787"], limits.refuse));
 */
export function originGuard(
  sites: SiteRegistry,
  publicOrigins: readonly string[],
  refuse: Refuse = justThrow,
): MiddlewareHandler {
  return async (c, next) => {
    const key = siteKeyOf(c);
    const site = key ? sites.get(key) : undefined;
    if (key && !site)
      await refuse(
        c,
        new AppError(
          "forbidden_origin",
          `Unknown site key "${key.slice(0, 80)}". Check the data-site attribute of the embed snippet.`,
        ),
      );
    const origin = c.req.header("origin");
    if (origin && !isSameOrigin(origin, publicOrigins)) {
      // A preflight carries no header values, so only the union of all sites' origins can be checked then.
      const allowed = site ? site.origins.includes(origin) : sites.knowsOrigin(origin);
      if (!allowed)
        await refuse(
          c,
          new AppError(
            "forbidden_origin",
            `The origin ${origin.slice(0, 200)} is not allowed${site ? ` for site key "${site.key}"` : ""}; the service's administrator can add it to the sites file.`,
          ),
        );
    }
    c.set("site", site);
    await next();
  };
}

/**
 * CORS headers for exactly the configured origins (the guard has already refused the others).
 * No credentials: the API uses no cookies, and site keys travel in a header.
 */
export function corsForSites(sites: SiteRegistry): MiddlewareHandler {
  return cors({
    origin: (origin) => (sites.knowsOrigin(origin) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "X-Site-Key"],
    exposeHeaders: ["Retry-After"],
    maxAge: 600,
  });
}
