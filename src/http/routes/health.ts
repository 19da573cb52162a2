import { Hono } from "hono";
import { readinessOf } from "../readiness.js";
import type { AppDeps } from "../state.js";

/**
 * `/healthz`: the process is alive (always 200 while it can answer at all), with what it is doing
 * and, when a pool answers, how busy it is. `/readyz`: whether an index is served — 200 with its
 * embedder, build id and counts (and a rebuild's progress), else 503 with `state` (`starting`,
 * `building`, `loading` or `failed`) and what is under way or which index file failed.
 */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => {
    const r = readinessOf(deps);
    return c.json({ status: "ok", phase: r.status, state: r.state, ...deps.health?.() });
  });
  app.get("/readyz", (c) => {
    const r = readinessOf(deps);
    const m = r.manifest;
    if (r.state !== "ready" || !m)
      return c.json({ ready: false, state: r.state, status: r.status, progress: r.progress }, 503);
    return c.json({
      ready: true,
      state: r.state,
      embedder: m.embedder,
      buildId: m.buildId ?? m.builtAt,
      builtAt: m.builtAt,
      counts: m.counts,
      // A rebuild or reload under way while the loaded index keeps serving.
      ...(r.progress ? { status: r.status, progress: r.progress } : {}),
    });
  });
  return app;
}
