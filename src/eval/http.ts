import type { Ask } from "./run.js";
import type { Returned } from "./score.js";

/** An answer that scores as a miss, for a request that failed. */
const MISS: Returned = { answer: "", abstained: false, citations: [], passages: [] };

const isReturned = (b: unknown): b is Returned => {
  const r = b as Partial<Returned> | null;
  return (
    typeof r?.answer === "string" &&
    typeof r.abstained === "boolean" &&
    Array.isArray(r.citations) &&
    Array.isArray(r.passages)
  );
};

/**
 * An {@link Ask} that posts to `${base}/api/ask`, as a black-box client would. A failed request or a
 * body outside the contract scores as a miss and is recorded in `errors` (what the report lists).
 *
 * @example
 *   const { ask, errors } = httpAsk("http://127.0.0.1:8787");
 *   const responses = await askAll(items, ask);
 */
export function httpAsk(base: string, timeoutMs = 30_000): { ask: Ask; errors: string[] } {
  const errors: string[] = [];
  const ask: Ask = async (question, history) => {
    try {
      const res = await fetch(`${base.replace(/\/$/u, "")}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(history.length ? { question, history } : { question }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body: unknown = await res.json().catch(() => null);
      if (res.ok && isReturned(body)) return body;
      errors.push(
        `${question.slice(0, 60)}: HTTP ${res.status} ${JSON.stringify(body)?.slice(0, 160)}`,
      );
    } catch (e) {
      errors.push(`${question.slice(0, 60)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return MISS;
  };
  return { ask, errors };
}
