import { Hono } from "hono";
import { toPassage } from "../../answer/service.js";
import { ready } from "../readiness.js";
import { SearchQuerySchema } from "../schemas.js";
import type { AppDeps } from "../state.js";
import { parseWith } from "../validate.js";

/** `GET /api/search?q=&k=`: ranked passages only. */
export function searchRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/search", async (c) => {
    const { q, k } = parseWith(SearchQuerySchema, c.req.query());
    const s = ready(deps);
    const hits = await s.qa.search(q, k);
    return c.json({ query: q, passages: hits.map(toPassage) });
  });
  return app;
}
