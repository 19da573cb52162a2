import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { AppError } from "../../errors.js";
import { STATUS } from "../problem.js";
import { requireReady } from "../readiness.js";
import type { AppDeps } from "../state.js";
import { askBody, type Answerer } from "./ask.js";

/**
 * Event names of `POST /api/ask/stream`, in the order they are sent. `reset` says "forget the
 * deltas so far": the generative answer failed after some verified sentences went out, and the
 * extractive answer follows.
 */
export const ASK_STREAM_EVENTS = ["status", "delta", "reset", "done", "error"] as const;

/**
 * Pieces of about `size` characters cut at word boundaries (Chinese has none, so any character
 * boundary is one), so a client can show the answer as it arrives.
 *
 * @example
 *   answerPieces("By 1983 there were 11 firms [1].", 10) // → ["By 1983 there ", "were 11 firms ", "[1]."]
 */
export function answerPieces(text: string, size = 24): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
    current += segment;
    if (current.length >= size && /\s$|[\p{Script=Han}，。；]$/u.test(current)) {
      pieces.push(current);
      current = "";
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * `POST /api/ask/stream`: the `/api/ask` body in, server-sent events out — `status` at once, then
 * the answer text in `delta` pieces, then `done` carrying exactly the `/api/ask` response. A
 * generative answer's deltas are its verified sentences, each sent as soon as it has passed
 * verification (never a sentence that did not) — from the worker that writes it, as it writes it;
 * should the answer then fall back to the extractive one, `reset` comes before that answer's
 * pieces. Invalid requests, and requests while no index is served, are refused before the stream
 * opens, as problem+json; a failure mid-stream is an `error` event holding a problem document. The
 * response leaves `Connection` to the server, so a client's (or a draining server's) `close` is
 * honoured.
 */
export function askStreamRoutes(deps: AppDeps, answer: Answerer): Hono {
  const app = new Hono();
  app.post("/ask/stream", async (c) => {
    const body = await askBody(c);
    requireReady(deps);
    const signal = c.req.raw.signal;
    const res = streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: "status", data: JSON.stringify({ stage: "searching" }) });
      try {
        let sent = "";
        const delta = (text: string) =>
          stream.writeSSE({ event: "delta", data: JSON.stringify({ text }) });
        const result = await answer(body, signal, async (text) => {
          sent += text;
          await delta(text);
        });
        if (sent && sent !== result.answer) {
          await stream.writeSSE({ event: "reset", data: "{}" });
          sent = "";
        }
        if (!sent) for (const text of answerPieces(result.answer)) await delta(text);
        await stream.writeSSE({ event: "done", data: JSON.stringify(result) });
      } catch (e) {
        if (signal.aborted) return;
        const known = e instanceof AppError;
        if (!known) console.error("unexpected error while streaming:", e);
        const detail = known ? e.message : "An unexpected error occurred; it has been logged.";
        await stream.writeSSE({
          event: "error",
          data: JSON.stringify({
            type: known ? `urn:problem:${e.code}` : "about:blank",
            title: "Error",
            status: known ? STATUS[e.code] : 500,
            detail,
          }),
        });
      }
    });
    // Hono's SSE helper says `Connection: keep-alive` whatever the client asked (on the context,
    // which Hono merges into the response again, and on the response).
    for (const name of ["connection", "transfer-encoding"]) {
      c.header(name, undefined);
      res.headers.delete(name);
    }
    return res;
  });
  return app;
}
