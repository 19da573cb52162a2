import { Hono } from "hono";
import { handleError, problem } from "../problem.js";
import type { AppDeps } from "../state.js";
import { citeRoutes } from "./cite.js";
import { documentRoutes } from "./documents.js";
import { passagePageRoutes } from "./passage-page.js";
import { searchRoutes } from "./search.js";
import { tableRoutes } from "./tables.js";

/**
 * The routes that read the loaded index — documents, passages, tables, cell lookups, citations,
 * search and passage pages — as an app of their own, with the app's problem+json error handling. It
 * runs wherever the index is: in the server's process (tests) or in each answering worker, where
 * the listener forwards these requests after its own checks (origins, limits, body size).
 *
 * @example
 *   const routes = stateRoutes({ state: () => readyState, status: () => "ready" });
 *   const res = await routes.request("/api/documents");
 */
export function stateRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route("/api", searchRoutes(deps));
  app.route("/api", documentRoutes(deps));
  app.route("/api", tableRoutes(deps));
  app.route("/api", citeRoutes(deps));
  app.route("/", passagePageRoutes(deps));
  app.notFound((c) => problem(c, 404, `No route for ${c.req.method} ${c.req.path}.`, "not_found"));
  app.onError(handleError);
  return app;
}

/**
 * The method and path pattern of each route of {@link stateRoutes}, for the listener to forward
 * exactly those.
 *
 * @example
 *   stateRoutePatterns() // → [{ method: "GET", path: "/api/search" }, …, { method: "GET", path: "/p/:id" }]
 */
export function stateRoutePatterns(): Array<{ method: string; path: string }> {
  return stateRoutes({ state: () => null, status: () => "" })
    .routes.filter((r) => r.method !== "ALL")
    .map(({ method, path }) => ({ method, path }));
}
