import { Hono } from "hono";
import type { AppDeps } from "../state.js";

/** `/healthz` (process alive) and `/readyz` (index loaded, embedder, counts). */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    const s = deps.state();
    if (!s) return c.json({ ready: false, status: deps.status() }, 503);
    const m = s.manifest;
    return c.json({ ready: true, embedder: m.embedder, builtAt: m.builtAt, counts: m.counts });
  });
  return app;
}
