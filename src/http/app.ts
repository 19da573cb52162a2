import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../errors.js";
import { handleError, problem } from "./problem.js";
import { askRoutes } from "./routes/ask.js";
import { documentRoutes } from "./routes/documents.js";
import { healthRoutes } from "./routes/health.js";
import { tableRoutes } from "./routes/tables.js";
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
  app.use("*", secureHeaders());
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
  app.route("/api", askRoutes(deps));
  app.route("/api", documentRoutes(deps));
  app.route("/api", tableRoutes(deps));
  app.notFound((c) => problem(c, 404, `No route for ${c.req.method} ${c.req.path}.`, "not_found"));
  app.onError(handleError);
  return app;
}
