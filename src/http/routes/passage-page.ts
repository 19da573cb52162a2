import { Hono } from "hono";
import { AppError, type ErrorCode } from "../../errors.js";
import { PAGE_CSP } from "../pages/assets.js";
import { citePassage, QuoteRangeQuery } from "../pages/cited-span.js";
import { errorPage, passagePage } from "../pages/passage-html.js";
import { STATUS } from "../problem.js";
import type { AppDeps } from "../state.js";
import { parseWith } from "../validate.js";

/** The errors this page shows as HTML, by heading (anything else goes to the app's problem+json handler). */
const HTML_ERRORS: Partial<Record<ErrorCode, string>> = {
  invalid_request: "Invalid quotation range",
  not_found: "Passage not found",
};

/**
 * `GET /p/:id[?start=&end=]`: a self-contained HTML page showing a passage in context with the quote
 * (raw offsets inside the passage, verified) or else the whole passage highlighted, and the reference
 * in every style. HTML error pages for unknown ids (404), invalid ranges (400) and while loading (503).
 */
export function passagePageRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/p/:id", (c) => {
    c.header("content-security-policy", PAGE_CSP);
    const s = deps.state();
    if (!s) {
      c.header("retry-after", "5");
      return c.html(
        errorPage(
          503,
          "Index loading",
          `The index is not loaded yet (${deps.status()}); try again shortly.`,
        ),
        503,
      );
    }
    try {
      const range = parseWith(QuoteRangeQuery, c.req.query());
      return c.html(passagePage(citePassage(s, c.req.param("id"), range)));
    } catch (err) {
      const heading = err instanceof AppError ? HTML_ERRORS[err.code] : undefined;
      if (!heading) throw err;
      const status = STATUS[(err as AppError).code] as 400 | 404;
      return c.html(errorPage(status, heading, (err as AppError).message), status);
    }
  });
  return app;
}
