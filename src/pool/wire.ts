import { AppError, ERROR_CODES, type ErrorCode } from "../errors.js";
import type { WireError, WireResponse } from "./messages.js";

/**
 * An error as it crosses a thread: the fields an `AppError` is rebuilt from.
 *
 * @example
 *   toWire(new AppError("not_found", "No passage p1.")) // → { code: "not_found", message: "No passage p1.", … }
 */
export function toWire(e: unknown): WireError {
  if (e instanceof AppError)
    return { code: e.code, message: e.message, retryAfter: e.retryAfter, details: e.details };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { message: String(e) };
}

/** The error again on this side: an `AppError` when it was one, an abort as `cancelled`, else an Error. */
export function fromWire(w: WireError): Error {
  if (w.code && (ERROR_CODES as readonly string[]).includes(w.code))
    return new AppError(w.code as ErrorCode, w.message, {
      retryAfter: w.retryAfter,
      details: w.details,
    });
  if (w.name === "AbortError") return new AppError("cancelled");
  const e = new Error(w.message);
  if (w.name) e.name = w.name;
  return e;
}

/** A `Response` as it crosses a thread (its body read whole: the index routes answer small bodies). */
export async function responseToWire(res: Response): Promise<WireResponse> {
  return { status: res.status, headers: [...res.headers], body: await res.arrayBuffer() };
}

/** The `Response` again on this side. */
export function responseFromWire(w: WireResponse): Response {
  const empty = w.status === 204 || w.status === 304;
  return new Response(empty ? null : w.body, { status: w.status, headers: w.headers });
}
