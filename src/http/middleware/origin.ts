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
 * True when the request comes from the server's own pages: the browser says so in Sec-Fetch-Site (which
 * pages cannot set, and which survives a proxy that rewrites Host), or `origin` has the request's host
 * (compared by host, so a TLS-terminating proxy does not matter).
 */
export function isSameOrigin(origin: string, c: Context): boolean {
  if (c.req.header("sec-fetch-site") === "same-origin") return true;
  try {
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * Refuses browser requests from origins the sites file does not list, with a 403 problem naming the
 * origin. Requests without `Origin` (curl, servers, the eval client) and same-origin requests pass;
 * an unknown site key is refused wherever it comes from.
 *
 * @example
 *   app.use("/api/*", originGuard(sites));
 */
export function originGuard(sites: SiteRegistry): MiddlewareHandler {
  return async (c, next) => {
    const key = siteKeyOf(c);
    const site = key ? sites.get(key) : undefined;
    if (key && !site)
      throw new AppError(
        "forbidden_origin",
        `Unknown site key "${key}". Check the data-site attribute of the embed snippet.`,
      );
    const origin = c.req.header("origin");
    if (origin && !isSameOrigin(origin, c)) {
      // A preflight carries no header values, so only the union of all sites' origins can be checked then.
      const allowed = site ? site.origins.includes(origin) : sites.knowsOrigin(origin);
      if (!allowed)
        throw new AppError(
          "forbidden_origin",
          `The origin ${origin} is not allowed${site ? ` for site key "${site.key}"` : ""}; the service's administrator can add it to the sites file.`,
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
