import autocannon from "autocannon";

/** What one load run measured. Latencies in ms; `errors` are failed connections and timeouts. */
export interface LoadResult {
  connections: number;
  seconds: number;
  /** Responses with a 2xx status. */
  ok: number;
  /** 2xx responses per second. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Responses that were not 2xx (a 503 of back-pressure counts here), by status. */
  non2xx: Record<string, number>;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Seconds before a request counts as timed out (an error). */
  timeoutSeconds?: number;
}

/**
 * Drives `POST /api/ask` at `base` with autocannon: `connections` clients, each sending the next of
 * `bodies` (cycled across all clients) as soon as its previous answer arrives, for `seconds`.
 *
 * @example
 *   const r = await loadAsk("http://127.0.0.1:8787", ['{"question":"Where is ZGC?"}'], { connections: 16, seconds: 10 });
 *   r.rps; r.p99;
 */
export async function loadAsk(
  base: string,
  bodies: readonly string[],
  opts: LoadOptions,
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: opts.timeoutSeconds ?? 30,
    requests: [
      {
        method: "POST",
        path: "/api/ask",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  const seconds = result.duration ?? opts.seconds;
  const non2xx: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith("2")) non2xx[code] = count ?? 0;
  return {
    connections: opts.connections,
    seconds,
    ok: result["2xx"],
    rps: result["2xx"] / Math.max(seconds, 1e-9),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx,
  };
}
