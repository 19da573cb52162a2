import { probeHealth } from "./health-probe.js";
import { loadAsk, type LoadResult } from "./load.js";
import { percentile } from "./report.js";

/** A server in the comparison; `health`: it has `/healthz`, probed on fresh connections during its rounds. */
export interface Target {
  name: string;
  url: string;
  health?: boolean;
}

/** One round of one server: the load's figures and, when probed, `/healthz` latencies (ms). */
export interface Run {
  name: string;
  result: LoadResult;
  health: number[];
}

/** One server at one connection count, its rounds taken together. */
export interface Summary {
  name: string;
  connections: number;
  rounds: number;
  /** 2xx responses per second over all rounds. */
  rps: number;
  /** Mean of the rounds' medians, and the worst round's p99 (ms). */
  p50: number;
  p99: number;
  errors: number;
  /** Non-2xx responses (e.g. 503 of back-pressure), all statuses together. */
  non2xx: number;
  /** p99 of `/healthz` on fresh connections during the rounds (ms; failures count as Infinity), when probed. */
  healthP99: number | null;
}

export interface SideBySideOptions {
  levels: readonly number[];
  rounds: number;
  seconds: number;
}

/**
 * Loads each target in turn at each connection count, `rounds` times, alternating which goes first
 * so neither always runs on a warmer (or hotter) machine.
 *
 * @example
 *   const runs = await sideBySide([ours, peer], bodies, { levels: [1, 16, 64], rounds: 2, seconds: 10 }, log);
 */
export async function sideBySide(
  targets: readonly Target[],
  bodies: readonly string[],
  opts: SideBySideOptions,
  log: (m: string) => void,
): Promise<Run[]> {
  const runs: Run[] = [];
  // Unmeasured first: every server compiles its hot paths before the rounds that count.
  for (const t of targets) {
    log(`bench: warming ${t.name} up…`);
    await loadAsk(t.url, bodies, { connections: 4, seconds: 3 });
  }
  for (const connections of opts.levels)
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 ? [...targets].reverse() : targets;
      for (const t of order) {
        log(`bench: ${t.name}, ${connections} connection(s), round ${round + 1}/${opts.rounds}…`);
        const probe = t.health ? probeHealth(t.url) : null;
        const result = await loadAsk(t.url, bodies, { connections, seconds: opts.seconds });
        runs.push({ name: t.name, result, health: (await probe?.stop()) ?? [] });
      }
    }
  return runs;
}

/**
 * The rounds of each server at each connection count taken together: 2xx per second over all of
 * them, the mean median, the worst p99, errors and non-2xx summed.
 *
 * @example
 *   summarise(runs) // → [{ name: "ours", connections: 16, rps: 41.2, p50: 380, p99: 900, … }, …]
 */
export function summarise(runs: readonly Run[]): Summary[] {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.result.connections}\u0000${run.name}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups].map(([key, group]) => {
    const results = group.map((g) => g.result);
    const health = group.flatMap((g) => g.health);
    const seconds = results.reduce((s, r) => s + r.seconds, 0);
    const sum = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0);
    return {
      name: key.split("\u0000")[1]!,
      connections: results[0]!.connections,
      rounds: results.length,
      rps: Math.round((sum((r) => r.ok) / Math.max(seconds, 1e-9)) * 10) / 10,
      p50: Math.round(sum((r) => r.p50) / results.length),
      p99: Math.max(...results.map((r) => r.p99)),
      errors: sum((r) => r.errors),
      non2xx: sum((r) => Object.values(r.non2xx).reduce((a, b) => a + b, 0)),
      healthP99: health.length ? Math.round(percentile(health, 0.99)) : null,
    };
  });
}

/**
 * A table of the summaries, one line per server and connection count, with each server's req/s and
 * p99 as a ratio to `reference`'s at the same count.
 *
 * @example
 *   formatSideBySide(summarise(runs), "peer")
 */
export function formatSideBySide(rows: readonly Summary[], reference?: string): string {
  const ref = (c: number) => rows.find((r) => r.name === reference && r.connections === c);
  const width = Math.max(6, ...rows.map((r) => r.name.length));
  const head = `${"conns".padStart(5)}  ${"server".padEnd(width)}  ${"req/s".padStart(7)}  ${"p50 ms".padStart(7)}  ${"p99 ms".padStart(7)}  errors  non-2xx  healthz p99${reference ? `  req/s ÷ ${reference}  p99 ÷ ${reference}` : ""}`;
  const lines = rows.map((r) => {
    const base = ref(r.connections);
    const ratio = (a: number, b: number | undefined) =>
      b ? `${(a / b).toFixed(2)}`.padStart(7) : "      –";
    return (
      `${String(r.connections).padStart(5)}  ${r.name.padEnd(width)}  ${r.rps.toFixed(1).padStart(7)}  ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${(r.healthP99 === null ? "–" : String(r.healthP99)).padStart(11)}` +
      (reference
        ? `  ${ratio(r.rps, base?.rps).padStart(8 + reference.length)}  ${ratio(r.p99, base?.p99).padStart(6 + reference.length)}`
        : "")
    );
  });
  return [head, ...lines].join("\n");
}
