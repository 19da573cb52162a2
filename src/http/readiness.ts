import { AppError, fixedMessage } from "../errors.js";
import type { AppDeps, Readiness, ReadyState } from "./state.js";

/**
 * The readiness the app reports: `deps.readiness` when the server tracks it, else derived from the
 * state and status (tests and in-process apps).
 *
 * @example
 *   readinessOf({ state: () => null, status: () => "building index" }).state // → "building"
 */
export function readinessOf(deps: AppDeps): Readiness {
  if (deps.readiness) return deps.readiness();
  const s = deps.state();
  const status = deps.status();
  const progress = deps.progress?.() ?? null;
  if (s) return { state: "ready", manifest: s.manifest, status, progress };
  const state = status.startsWith("failed")
    ? "failed"
    : /build/u.test(status)
      ? "building"
      : /load/u.test(status)
        ? "loading"
        : "starting";
  return { state, manifest: null, status, progress };
}

/**
 * Throws the 503 of a service that cannot answer yet: while it builds or loads, with what is under
 * way, how far it is and when to come back (the build's own estimate, 2–30 s; 5 when it cannot
 * tell); when the index failed to load, a fixed message without `Retry-After` (it will not get
 * better by itself) that names no path and no file content.
 *
 * @example
 *   requireReady(deps); // returns when an index is served
 */
export function requireReady(deps: AppDeps): void {
  const r = readinessOf(deps);
  if (r.state === "ready") return;
  if (r.state === "failed") throw new AppError("index_invalid", fixedMessage("index_invalid"));
  const progress = r.progress ?? { phase: r.status };
  const eta = progress.etaSeconds;
  throw new AppError(
    "index_not_ready",
    `The index is not loaded yet (${r.status}); try again shortly.`,
    {
      retryAfter: eta === undefined ? 5 : Math.min(30, Math.max(2, Math.ceil(eta))),
      details: { progress },
    },
  );
}

/**
 * The loaded state, or the 503 of {@link requireReady}.
 *
 * @example
 *   const s = ready(deps); s.qa.search("Hsinchu", 5);
 */
export function ready(deps: AppDeps): ReadyState {
  requireReady(deps);
  const s = deps.state();
  if (!s)
    throw new AppError("index_not_ready", "The index is not loaded in this process.", {
      retryAfter: 5,
    });
  return s;
}
