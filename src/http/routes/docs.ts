import { Hono } from "hono";
import { docsHtml } from "../openapi/docs-page.js";
import { openApiDocument } from "../openapi/spec.js";

/** `GET /openapi.json` (OpenAPI 3.1 from the request schemas) and `GET /docs` (the same, as a page). */
export function docsRoutes(): Hono {
  const app = new Hono();
  const spec = openApiDocument();
  const page = docsHtml(spec);
  app.get("/openapi.json", (c) => c.json(spec));
  app.get("/docs", (c) => {
    c.header(
      "content-security-policy",
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    return c.html(page);
  });
  return app;
}
