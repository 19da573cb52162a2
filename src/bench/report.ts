import type { Metric } from "./types.js";

/**
 * The metrics as a plain-text table with a verdict per target, and how many targets were missed.
 *
 * @example
 *   formatMetrics([{ name: "ask p50 (ms)", value: 120, atMost: 150 }]).text
 *   // → "metric … value   target  ok\nask p50 (ms) …   120     ≤150  yes"
 */
export function formatMetrics(metrics: readonly Metric[]): { text: string; missed: number } {
  const width = Math.max(28, ...metrics.map((m) => m.name.length + 2));
  const lines = [`${"metric".padEnd(width)}   value   target  ok`];
  let missed = 0;
  for (const m of metrics) {
    const met =
      (m.atMost === undefined || m.value <= m.atMost) &&
      (m.atLeast === undefined || m.value >= m.atLeast);
    const ok = m.atMost === undefined && m.atLeast === undefined ? "" : met ? "yes" : "NO";
    if (ok === "NO") missed++;
    const target =
      m.atMost !== undefined ? `≤${m.atMost}` : m.atLeast !== undefined ? `≥${m.atLeast}` : "";
    lines.push(
      `${m.name.padEnd(width)} ${String(m.value).padStart(7)} ${target.padStart(8)}  ${ok.padEnd(3)}${m.note ? `  ${m.note}` : ""}`.trimEnd(),
    );
  }
  return { text: lines.join("\n"), missed };
}

/**
 * The value at quantile `q` (0–1) of `xs`, nearest rank.
 *
 * @example
 *   percentile([5, 1, 3], 0.5) // → 3
 */
export const percentile = (xs: readonly number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

/** Resident memory of this process in MB. */
export const rssMb = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
