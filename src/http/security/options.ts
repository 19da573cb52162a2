import type { Context } from "hono";
import type { RateLimiter } from "./limiter.js";
import { createSiteRegistry, type Site, type SiteRegistry } from "./sites.js";

/** How the app decides who may call it, from where, and how often. */
export interface SecurityOptions {
  sites: SiteRegistry;
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
 * Security settings with defaults merged once: no sites (only same-origin and Origin-less clients),
 * 600 requests per minute per address (a classroom behind one NAT address), 3,000 per minute per site.
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
    perAddress: 600,
    perSite: 3000,
    windowSeconds: 60,
    clientAddress: socketAddress,
    now: Date.now,
    ...rest,
    sites: isRegistry(sites) ? sites : createSiteRegistry(sites),
  };
}
