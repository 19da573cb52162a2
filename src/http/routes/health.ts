import { Hono } from "hono";
import type { AppDeps } from "../state.js";

/**
 * `/healthz` (process alive, and what it is doing: "ready", "building the index: …") and `/readyz`
 * (index loaded, embedder, counts; 503 before).
 */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok", phase: deps.status() }));
  app.get("/readyz", (c) => {
    const s = deps.state();
    const progress = deps.progress?.() ?? null;
    if (!s) return c.json({ ready: false, status: deps.status(), progress }, 503);
    const m = s.manifest;
    return c.json({
      ready: true,
      embedder: m.embedder,
      buildId: m.buildId ?? m.builtAt,
      builtAt: m.builtAt,
      counts: m.counts,
      // A rebuild or reload under way while the loaded index keeps serving.
      ...(progress ? { status: deps.status(), progress } : {}),
    });
  });
  return app;
}
