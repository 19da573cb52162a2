import type { QaService } from "../answer/service.js";
import { percentile } from "./report.js";
import type { Metric } from "./types.js";

/** Latency targets of one in-process `ask`, in ms (2 cores, offline encoder; p50 from issue 12). */
export const ASK_TARGETS = { p50: 20, p95: 500 } as const;

/**
 * Times `ask` over `questions` (`rounds` times each, after a warm-up of three) in this process.
 *
 * @example
 *   const metrics = await benchAsk(state.qa, ["How many firms …?"]);
 */
export async function benchAsk(
  qa: Pick<QaService, "ask">,
  questions: readonly string[],
  rounds = 3,
): Promise<Metric[]> {
  for (const q of questions.slice(0, 3)) await qa.ask({ question: q });
  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const q of questions) {
      const t0 = performance.now();
      await qa.ask({ question: q });
      times.push(performance.now() - t0);
    }
  const note = `${times.length} asks`;
  return [
    {
      name: "ask p50 (ms)",
      value: Math.round(percentile(times, 0.5)),
      atMost: ASK_TARGETS.p50,
      note,
    },
    { name: "ask p95 (ms)", value: Math.round(percentile(times, 0.95)), atMost: ASK_TARGETS.p95 },
  ];
}
