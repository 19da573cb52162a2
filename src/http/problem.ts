import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, type ErrorCode } from "../errors.js";

/** HTTP status of each application error code: the one place codes become HTTP. */
export const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  index_not_ready: 503,
  index_incompatible: 503,
  index_invalid: 503,
  embedder_unavailable: 503,
  vectors_unavailable: 503,
  corpus_unreadable: 500,
  forbidden_origin: 403,
  rate_limited: 429,
  // Never sent in practice: a failed generator falls back to the extractive answer.
  generator_failed: 502,
  overloaded: 503,
  answer_timeout: 503,
  // The client has gone; nobody reads it, but it is not a server fault either.
  cancelled: 503,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** An RFC 9457 problem document response. */
export function problem(
  c: Context,
  status: number,
  detail: string,
  code?: string,
  extra: Record<string, unknown> = {},
): Response {
  const body = {
    type: code ? `urn:problem:${code}` : "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
  return c.newResponse(JSON.stringify(body), status as 400, {
    "content-type": "application/problem+json; charset=utf-8",
  });
}

/** Whether `err` is the request's body failing because the client went away or broke its framing. */
const clientGone = (err: Error, c: Context): boolean =>
  c.req.raw.signal.aborted ||
  (err as NodeJS.ErrnoException).code === "ECONNRESET" ||
  err.message === "aborted";

/**
 * The app's `onError`: known errors keep their status; a request whose client went away or broke
 * off its body gets a 400 (rarely read by anyone) without a log line; anything else is logged and
 * becomes a 500 without internals.
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const res = problem(c, STATUS[err.code], err.message, err.code, err.details);
    if (err.retryAfter !== undefined) res.headers.set("retry-after", String(err.retryAfter));
    return res;
  }
  if (err instanceof HTTPException)
    return problem(c, err.status, err.message || TITLES[err.status] || "Error");
  if (clientGone(err, c)) return problem(c, 400, "The request's body could not be read.");
  console.error("unexpected error:", err);
  return problem(c, 500, "An unexpected error occurred; it has been logged.");
}
