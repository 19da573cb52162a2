import { createFixedWindow } from "../middleware/fixed-window.js";

/** What a request is counted against: its client address, or the site key it names. */
export const LIMIT_SCOPES = ["address", "site"] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/** Outcome of counting one request: allowed, or refused with the seconds to wait. */
export type LimitResult = { ok: true } | { ok: false; retryAfter: number };

/**
 * Counts requests against limits: in this process's memory (the Node server), or a platform's
 * limiter shared by many instances (the Workers Rate Limiting binding). `limit` is the number of
 * requests allowed per window for this key; a limiter whose limits are configured elsewhere may
 * apply its own.
 */
export interface RateLimiter {
  hit(scope: LimitScope, key: string, limit: number): LimitResult | Promise<LimitResult>;
}

/**
 * The in-memory limiter: fixed windows of `windowSeconds` per scope and key (see `createFixedWindow`).
 *
 * @example
 *   const limiter = memoryLimiter({ windowSeconds: 60, now: Date.now });
 *   limiter.hit("address", "203.0.113.9", 600) // → { ok: true, remaining: 599 }
 */
export function memoryLimiter(opts: { windowSeconds: number; now: () => number }): RateLimiter {
  const windows = createFixedWindow({ windowMs: opts.windowSeconds * 1000, now: opts.now });
  const prefix = { address: "addr", site: "site" } as const;
  return { hit: (scope, key, limit) => windows.hit(`${prefix[scope]}:${key}`, limit) };
}
