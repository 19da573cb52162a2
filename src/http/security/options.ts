import type { Context } from "hono";
import type { RateLimiter } from "./limiter.js";
import { createSiteRegistry, type Site, type SiteRegistry } from "./sites.js";

/** How the app decides who may call it, from where, and how often. */
export interface SecurityOptions {
  sites: SiteRegistry;
  /**
   * The origins (`scheme://host[:port]`) of the service's own pages. A request is same-origin when
   * its `Origin` is exactly one of these — scheme, host and port — never because its `Host` header
   * agrees with it (which any page whose name resolves here could arrange).
   */
  publicOrigins: readonly string[];
  /** Requests per window from one client address to `/api/*`; 0 turns the limit off. */
  perAddress: number;
  /** Requests per window for one site key (all its visitors together), unless the site sets `limit`. */
  perSite: number;
  windowSeconds: number;
  /** The client's address, or undefined when it cannot be known (then only the site limit applies). */
  clientAddress: (c: Context) => string | undefined;
  /** Clock for the rate limiter (tests move it). */
  now: () => number;
  /**
   * What counts requests against the limits; by default fixed windows in this process's memory
   * (`memoryLimiter`). The Worker passes the Workers Rate Limiting binding's.
   */
  limiter?: RateLimiter;
}

/** Reads the TCP peer address that `@hono/node-server` exposes as `c.env.incoming`. */
export const socketAddress = (c: Context): string | undefined =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;

/** Behind one reverse proxy, the client is the last address the proxy appended to X-Forwarded-For. */
export const forwardedAddress = (c: Context): string | undefined =>
  c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim() || socketAddress(c);

const isRegistry = (s: SiteRegistry | readonly Site[] | undefined): s is SiteRegistry =>
  s !== undefined && !Array.isArray(s);

/**
 * The origins of the service's own pages: `PUBLIC_ORIGIN` when set, else the listening URL, with
 * its loopback spellings (`localhost`, `127.0.0.1`, `[::1]`) when the server listens on a loopback
 * or every address.
 *
 * @example
 *   publicOriginsFor(undefined, "127.0.0.1", 8787)
 *   // → ["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"]
 */
export function publicOriginsFor(
  configured: string | undefined,
  host: string,
  port: number,
): string[] {
  if (configured) return [configured];
  const loopback = ["127.0.0.1", "localhost", "::1", "0.0.0.0", "::", ""].includes(host);
  const own = new URL(`http://${host.includes(":") ? `[${host}]` : host}:${port}`).origin;
  const spellings = loopback
    ? ["127.0.0.1", "localhost", "[::1]"].map((h) => new URL(`http://${h}:${port}`).origin)
    : [];
  return [...new Set([own, ...spellings])].filter((o) => !/\/\/(0\.0\.0\.0|\[::\])(:|$)/u.test(o));
}

/**
 * Security settings with defaults merged once: no sites (only same-origin and Origin-less clients),
 * pages served from `http://localhost`, 600 requests per minute per address (a classroom behind one
 * NAT address), 3,000 per minute per site.
 *
 * @example
 *   const security = securityOptions({ sites: createSiteRegistry([{ key: "econ101", origins: ["https://lms.example.edu"] }]) });
 */
export function securityOptions(
  partial: Omit<Partial<SecurityOptions>, "sites"> & {
    sites?: SiteRegistry | readonly Site[];
  } = {},
): SecurityOptions {
  const { sites, ...rest } = partial;
  return {
    publicOrigins: ["http://localhost"],
    perAddress: 600,
    perSite: 3000,
    windowSeconds: 60,
    clientAddress: socketAddress,
    now: Date.now,
    ...rest,
    sites: isRegistry(sites) ? sites : createSiteRegistry(sites),
  };
}
