import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.js";
import { answerKey } from "./answer-cache.js";
import { localBackend } from "./backend.js";
import { allowedMethods } from "./methods.js";
import { corsForSites, originGuard } from "./middleware/origin.js";
import { createLimits } from "./middleware/rate-limit.js";
import { securityHeaders } from "./middleware/secure-headers.js";
import { handleError, problem } from "./problem.js";
import { readinessOf, requireReady } from "./readiness.js";
import { askRoutes, type Answerer } from "./routes/ask.js";
import { askStreamRoutes } from "./routes/ask-stream.js";
import { chatRoutes, siteRoutes } from "./routes/chat.js";
import { docsRoutes } from "./routes/docs.js";
import { healthRoutes } from "./routes/health.js";
import { notReadyPage } from "./routes/passage-page.js";
import { stateRoutePatterns } from "./routes/state-routes.js";
import { securityOptions } from "./security/options.js";
import type { AppDeps } from "./state.js";

/**
 * The HTTP app: the checks every request passes (security headers, origins, rate limits, body
 * size), health, the pages, and the API. Routes that read the index are answered by `deps.backend`
 * — in this process by default (so tests call `app.request()` on a fixture index), or by a pool of
 * answering workers, so the thread that accepts connections never computes an answer. Questions go
 * through `deps.cache` when there is one.
 *
 * @example
 *   const app = createApp({ state: () => readyState, status: () => "ready" });
 *   const res = await app.request("/api/ask", { method: "POST", body: "{}" });
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const maxSize = deps.maxBodyBytes ?? 64 * 1024;
  const security = deps.security ?? securityOptions();
  const backend = deps.backend ?? localBackend(deps);
  const limits = createLimits(security);
  // Askers who join a computation already under way get its answer whole (the stream then sends
  // it in pieces); the first asker hears a generative answer's sentences as they come.
  const answer: Answerer = (body, signal, onText) => {
    const id = readinessOf(deps).manifest;
    return deps.cache && id
      ? deps.cache.run(
          answerKey(id.buildId ?? id.builtAt, body),
          (s) => backend.ask(body, s, onText),
          signal,
        )
      : backend.ask(body, signal, onText);
  };

  app.use("*", securityHeaders());
  // Refuse unlisted origins first (counting the refusal), then CORS for the listed ones, then count,
  // then read the body.
  app.use("/api/*", originGuard(security.sites, security.publicOrigins, limits.refuse));
  app.use("/api/*", corsForSites(security.sites));
  app.use("/api/*", limits.middleware);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError("payload_too_large", `The request body exceeds ${maxSize} bytes.`);
      },
    }),
  );
  app.route("/", healthRoutes(deps));
  app.route("/", chatRoutes(security, deps.assets));
  app.route("/", docsRoutes());
  app.route(
    "/api",
    askRoutes((body, signal) => (requireReady(deps), answer(body, signal))),
  );
  app.route("/api", askStreamRoutes(deps, answer));
  app.route("/api", siteRoutes(security, limits.refuse));
  // Everything else that reads the index, answered where the index is.
  const forward = async (c: Context) => {
    const r = readinessOf(deps);
    if (r.state !== "ready" && c.req.path.startsWith("/p/")) {
      const page = notReadyPage(c, r);
      if (page) return page;
    }
    requireReady(deps);
    return backend.fetch(c.req.raw);
  };
  for (const { method, path } of stateRoutePatterns()) app.on(method, path, forward);

  const allowed = allowedMethods(app.routes);
  app.notFound((c) => {
    const allow = allowed(c.req.path);
    if (!allow.length)
      return problem(c, 404, `No route for ${c.req.method} ${c.req.path}.`, "not_found");
    c.header("allow", allow.join(", "));
    return problem(
      c,
      405,
      `${c.req.path} answers ${allow.join(", ")}, not ${c.req.method}.`,
      "method_not_allowed",
    );
  });
  app.onError(handleError);
  return app;
}
