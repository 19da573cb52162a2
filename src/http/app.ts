import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.js";
import { corsForSites, originGuard } from "./middleware/origin.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { securityHeaders } from "./middleware/secure-headers.js";
import { handleError, problem } from "./problem.js";
import { askRoutes } from "./routes/ask.js";
import { askStreamRoutes } from "./routes/ask-stream.js";
import { chatRoutes, siteRoutes } from "./routes/chat.js";
import { citeRoutes } from "./routes/cite.js";
import { documentRoutes } from "./routes/documents.js";
import { healthRoutes } from "./routes/health.js";
import { passagePageRoutes } from "./routes/passage-page.js";
import { tableRoutes } from "./routes/tables.js";
import { docsRoutes } from "./routes/docs.js";
import { securityOptions } from "./security/options.js";
import type { AppDeps } from "./state.js";

/**
 * The HTTP app. All dependencies are injected, so tests call `app.request()` on a fixture index.
 *
 * @example
 *   const app = createApp({ state: () => readyState, status: () => "ready" });
 *   const res = await app.request("/api/ask", { method: "POST", body: "{}" });
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const maxSize = deps.maxBodyBytes ?? 64 * 1024;
  const security = deps.security ?? securityOptions();
  app.use("*", securityHeaders());
  // Refuse unlisted origins first, then CORS for the listed ones, then count, then read the body.
  app.use("/api/*", originGuard(security.sites));
  app.use("/api/*", corsForSites(security.sites));
  app.use("/api/*", rateLimit(security));
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
  app.route("/", chatRoutes(security.sites, deps.assets));
  app.route("/", docsRoutes());
  app.route("/api", askRoutes(deps));
  app.route("/api", askStreamRoutes(deps));
  app.route("/api", siteRoutes());
  app.route("/api", documentRoutes(deps));
  app.route("/api", tableRoutes(deps));
  app.route("/api", citeRoutes(deps));
  app.route("/", passagePageRoutes(deps));
  app.notFound((c) => problem(c, 404, `No route for ${c.req.method} ${c.req.path}.`, "not_found"));
  app.onError(handleError);
  return app;
}
