import { get } from "node:http";

/** Latency of one `/healthz` on a fresh connection, in ms; `Infinity` when it failed or took over 10 s. */
function probeOnce(url: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    // A fresh connection each time (no agent): a listener that is slow to accept shows up here too.
    const req = get(url, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200 ? performance.now() - t0 : Infinity));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(Infinity));
  });
}

/**
 * Asks `base/healthz` every `everyMs` on a fresh connection until stopped; `stop` resolves with the
 * latencies (ms) of every probe, failures as `Infinity`.
 *
 * @example
 *   const probe = probeHealth("http://127.0.0.1:8787");
 *   await load(); const ms = await probe.stop();
 */
export function probeHealth(base: string, everyMs = 100): { stop: () => Promise<number[]> } {
  const pending: Array<Promise<number>> = [];
  const timer = setInterval(() => pending.push(probeOnce(`${base}/healthz`)), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}
