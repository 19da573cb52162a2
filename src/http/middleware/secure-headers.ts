import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** Paths other sites may use: the widget may be framed (its CSP frame-ancestors decides by whom), embed.js loaded. */
const FRAMEABLE = new Set(["/widget"]);
const CROSS_ORIGIN_SCRIPTS = new Set(["/embed.js"]);

/**
 * Hono's secure headers everywhere, except that `/widget` drops X-Frame-Options (which cannot list
 * origins; the route's `frame-ancestors` does) and, like `/embed.js`, may be loaded by other origins
 * (Cross-Origin-Resource-Policy: cross-origin, for host pages that require it).
 *
 * @example
 *   app.use("*", securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  const strict = secureHeaders();
  const frameable = secureHeaders({
    xFrameOptions: false,
    crossOriginResourcePolicy: "cross-origin",
  });
  const script = secureHeaders({ crossOriginResourcePolicy: "cross-origin" });
  return (c, next) =>
    (FRAMEABLE.has(c.req.path)
      ? frameable
      : CROSS_ORIGIN_SCRIPTS.has(c.req.path)
        ? script
        : strict)(c, next);
}

/**
 * The Content-Security-Policy of the chat page and widget: only this origin's own files, no inline
 * code, and framing only by this origin plus `frameAncestors`.
 *
 * @example
 *   pageCsp(["https://moodle.example.edu"]) // → "default-src 'self'; …; frame-ancestors 'self' https://moodle.example.edu"
 */
export function pageCsp(frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(" ")}`,
  ].join("; ");
}
