import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors.js";
import { memoryLimiter } from "../security/limiter.js";
import type { SecurityOptions } from "../security/options.js";

/**
 * Limits requests per client address and per site key (after `originGuard` has set the site),
 * answering 429 with `Retry-After` in seconds. Preflights are not counted. Counts with
 * `opts.limiter`, or in memory in fixed windows.
 *
 * @example
 *   app.use("/api/*", rateLimit(securityOptions({ perAddress: 60 })));
 */
export function rateLimit(
  opts: Pick<
    SecurityOptions,
    "perAddress" | "perSite" | "windowSeconds" | "clientAddress" | "now" | "limiter"
  >,
): MiddlewareHandler {
  const limiter = opts.limiter ?? memoryLimiter(opts);
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const address = opts.clientAddress(c);
    if (address && opts.perAddress > 0) {
      const r = await limiter.hit("address", address, opts.perAddress);
      if (!r.ok)
        throw new AppError(
          "rate_limited",
          `Too many requests from your address; try again in ${r.retryAfter} s.`,
          { retryAfter: r.retryAfter },
        );
    }
    const site = c.get("site");
    const siteLimit = site?.limit ?? opts.perSite;
    if (site && siteLimit > 0) {
      const r = await limiter.hit("site", site.key, siteLimit);
      if (!r.ok)
        throw new AppError(
          "rate_limited",
          `This site has sent too many questions; try again in ${r.retryAfter} s.`,
          { retryAfter: r.retryAfter },
        );
    }
    await next();
  };
}
