import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { AppError } from "../../errors.js";
import { STATUS } from "../problem.js";
import { AskRequestSchema } from "../schemas.js";
import type { AppDeps } from "../state.js";
import { jsonBody } from "../validate.js";
import { askResponse, ready } from "./ask.js";

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
 * verification (never a sentence that did not); should the answer then fall back to the extractive
 * one, `reset` comes before that answer's pieces. Invalid
 * requests are refused before the stream opens, as problem+json; a failure mid-stream is an
 * `error` event holding a problem document.
 */
export function askStreamRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.post("/ask/stream", async (c) => {
    const body = await jsonBody(c, AskRequestSchema);
    const s = ready(deps);
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: "status", data: JSON.stringify({ stage: "searching" }) });
      try {
        let sent = "";
        const delta = (text: string) =>
          stream.writeSSE({ event: "delta", data: JSON.stringify({ text }) });
        const result = await askResponse(s, body, {
          signal: c.req.raw.signal,
          onText: async (text) => {
            sent += text;
            await delta(text);
          },
        });
        if (sent && sent !== result.answer) {
          await stream.writeSSE({ event: "reset", data: "{}" });
          sent = "";
        }
        if (!sent) for (const text of answerPieces(result.answer)) await delta(text);
        await stream.writeSSE({ event: "done", data: JSON.stringify(result) });
      } catch (e) {
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
  });
  return app;
}
