/** Outcome of counting one request: allowed, or refused with the seconds until the window resets. */
export type WindowHit = { ok: true; remaining: number } | { ok: false; retryAfter: number };

/** A fixed-window counter per key: at most `limit` hits per `windowMs`, all kept in memory. */
export interface FixedWindow {
  hit(key: string, limit: number): WindowHit;
}

/**
 * Counts requests per key in fixed windows. A single process needs no shared store, and a fixed
 * window is the simplest policy whose Retry-After is exact; the price is that a client may send up
 * to twice the limit across a window boundary, which is fine for abuse protection.
 *
 * @example
 *   const w = createFixedWindow({ windowMs: 60_000 });
 *   w.hit("addr:203.0.113.9", 60); // → { ok: true, remaining: 59 }
 */
export function createFixedWindow(opts: {
  windowMs: number;
  now?: () => number;
  maxKeys?: number;
}): FixedWindow {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 100_000;
  const windows = new Map<string, { count: number; resetAt: number }>();
  // Expired windows are dropped when the map grows, so memory stays bounded by recent clients.
  const sweep = (t: number) => {
    for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
  };
  return {
    hit(key, limit) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        if (windows.size >= maxKeys) sweep(t);
        w = { count: 0, resetAt: t + opts.windowMs };
        windows.set(key, w);
      }
      if (w.count >= limit)
        return { ok: false, retryAfter: Math.max(1, Math.ceil((w.resetAt - t) / 1000)) };
      w.count += 1;
      return { ok: true, remaining: limit - w.count };
    },
  };
}
