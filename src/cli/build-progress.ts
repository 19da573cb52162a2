import type { Progress } from "../http/state.js";
import type { BuildEvent } from "../store/build.js";

/**
 * Turns build events into the {@link Progress} a 503 and /readyz show, estimating the time left
 * while passages are embedded from the rate so far.
 *
 * @example
 *   const track = trackBuild();
 *   track({ stage: "embedding", done: 64, total: 480 }) // → { phase: "building the index: embedding passages", done: 64, total: 480, etaSeconds: … }
 */
export function trackBuild(
  now: () => number = () => performance.now(),
): (e: BuildEvent) => Progress {
  let first: { at: number; done: number } | null = null;
  return (e) => {
    switch (e.stage) {
      case "reuse":
        return { phase: "building the index: opening the previous index" };
      case "documents":
        return { phase: "building the index: reading documents", done: e.done, total: e.total };
      case "embedding": {
        // When the first batch started is not known, only when it ended: count from its end.
        const at = now();
        first ??= { at, done: e.done };
        const seconds = (at - first.at) / 1000;
        const rate = seconds > 0 ? (e.done - first.done) / seconds : 0;
        const left = e.total - e.done;
        return {
          phase: "building the index: embedding passages",
          done: e.done,
          total: e.total,
          ...(rate > 0 ? { etaSeconds: Math.round(left / rate) } : {}),
        };
      }
      case "writing":
        return { phase: "building the index: writing files" };
    }
  };
}
