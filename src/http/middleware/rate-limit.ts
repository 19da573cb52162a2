import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../../errors.js";
import { memoryLimiter } from "../security/limiter.js";
import type { SecurityOptions } from "../security/options.js";

/** The rate limits of the API: a middleware for allowed requests, and a counter for refused ones. */
export interface Limits {
  /** Counts the request per client address and per site key (after `originGuard` set the site). */
  middleware: MiddlewareHandler;
  /**
   * Counts a request the origin guard refuses against its client address, so guessing site keys or
   * trying origins costs the same budget as asking: rejects with 429 once over the limit, else
   * with `refusal`.
   */
  refuse(c: Context, refusal: AppError): Promise<never>;
}

type LimitOptions = Pick<
  SecurityOptions,
  "perAddress" | "perSite" | "windowSeconds" | "clientAddress" | "now" | "limiter"
>;

/**
 * Limits requests per client address and per site key, answering 429 with `Retry-After` in
 * seconds. Preflights are not counted; refused requests are (see `refuse`). Counts with
 * `opts.limiter` (the Workers Rate Limiting bindings in a Worker), or in memory in fixed windows.
 *
 * @example
 *   const limits = createLimits(securityOptions({ perAddress: 60 }));
 *   app.use("/api/*", originGuard(sites, origins, limits.refuse));
 *   app.use("/api/*", limits.middleware);
 */
export function createLimits(opts: LimitOptions): Limits {
  const limiter = opts.limiter ?? memoryLimiter(opts);
  const countAddress = async (c: Context) => {
    const address = opts.clientAddress(c);
    if (!address || opts.perAddress <= 0) return;
    const r = await limiter.hit("address", address, opts.perAddress);
    if (!r.ok)
      throw new AppError(
        "rate_limited",
        `Too many requests from your address; try again in ${r.retryAfter} s.`,
        { retryAfter: r.retryAfter },
      );
  };
  return {
    async refuse(c, refusal) {
      await countAddress(c);
      throw refusal;
    },
    middleware: async (c, next) => {
      if (c.req.method === "OPTIONS") return next();
      await countAddress(c);
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
    },
  };
}
