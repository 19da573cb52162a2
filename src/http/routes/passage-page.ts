import { Hono, type Context } from "hono";
import { AppError, fixedMessage, type ErrorCode } from "../../errors.js";
import { PAGE_CSP } from "../pages/assets.js";
import { citePassage, QuoteRangeQuery } from "../pages/cited-span.js";
import { errorPage, passagePage } from "../pages/passage-html.js";
import { STATUS } from "../problem.js";
import { readinessOf, ready } from "../readiness.js";
import type { AppDeps, Readiness } from "../state.js";
import { parseWith } from "../validate.js";

/** The errors this page shows as HTML, by heading (anything else goes to the app's problem+json handler). */
const HTML_ERRORS: Partial<Record<ErrorCode, string>> = {
  invalid_request: "Invalid quotation range",
  not_found: "Passage not found",
};

/**
 * Whether an error should be an HTML page: the client asks for HTML (a browser following a link)
 * or names no type at all; API clients (`Accept: application/json`, `*\/*`) get problem+json.
 */
export const wantsHtml = (c: Context): boolean => {
  const accept = c.req.header("accept");
  return accept === undefined || /\btext\/html\b/iu.test(accept);
};

/**
 * The passage page's answer while no index is served: 503 with `Retry-After` while one is built or
 * loaded; without it, and with a fixed message, when loading failed. `null` when the client wants
 * problem+json (the app's handler then answers).
 */
export function notReadyPage(c: Context, r: Readiness): Response | Promise<Response> | null {
  if (!wantsHtml(c)) return null;
  c.header("content-security-policy", PAGE_CSP);
  if (r.state === "failed")
    return c.html(errorPage(503, "Index unavailable", fixedMessage("index_invalid")), 503);
  c.header("retry-after", "5");
  return c.html(
    errorPage(
      503,
      "Index loading",
      `The index is not loaded yet (${r.status}); try again shortly.`,
    ),
    503,
  );
}

/**
 * `GET /p/:id[?start=&end=]`: a self-contained HTML page showing a passage in context with the quote
 * (raw offsets inside the passage, verified) or else the whole passage highlighted, and the reference
 * in every style. HTML error pages for unknown ids (404), invalid ranges (400) and while loading
 * (503) — for clients that ask for HTML; others get problem+json.
 */
export function passagePageRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/p/:id", (c) => {
    c.header("content-security-policy", PAGE_CSP);
    const r = readinessOf(deps);
    if (r.state !== "ready") {
      const page = notReadyPage(c, r);
      if (page) return page;
    }
    const s = ready(deps);
    try {
      const range = parseWith(QuoteRangeQuery, c.req.query());
      return c.html(passagePage(citePassage(s, c.req.param("id"), range)));
    } catch (err) {
      const heading = err instanceof AppError ? HTML_ERRORS[err.code] : undefined;
      if (!heading || !wantsHtml(c)) throw err;
      const status = STATUS[(err as AppError).code] as 400 | 404;
      return c.html(errorPage(status, heading, (err as AppError).message), status);
    }
  });
  return app;
}
