import { Hono } from "hono";
import { answerQuestion } from "../../answer/answerer.js";
import type { GenerateOptions } from "../../answer/generative/answer.js";
import { answerJson } from "../answer-cache.js";
import { boundAsk } from "../bounds.js";
import { citationsOut } from "../cite-out.js";
import { AskRequestSchema, type AskRequest } from "../schemas.js";
import type { AskResponse, ReadyState } from "../state.js";
import { jsonBody } from "../validate.js";

/**
 * Answers a validated question wherever the index is (see `Backend`), through the answer cache;
 * `onText` hears a generative answer's verified sentences as they come.
 */
export type Answerer = (
  body: AskRequest,
  signal: AbortSignal,
  onText?: (text: string) => void | Promise<void>,
) => Promise<AskResponse>;

/**
 * The `/api/ask` response body; `/api/ask/stream` sends the same object in its final event (and
 * `opts.onText` the generative answer's verified sentences as they come). Stops early with the
 * signal's reason when the asker has gone.
 */
export async function askResponse(s: ReadyState, body: AskRequest, opts: GenerateOptions = {}) {
  const result = await answerQuestion(s.qa, s.generative, { ...body, signal: opts.signal }, opts);
  const citations = citationsOut(s, result.citations, body.style);
  // A citation that failed verification was dropped: its marker goes too, and the rest are renumbered.
  let answer = result.answer;
  if (citations.length < result.citations.length) {
    const kept = new Map(citations.map((c, i) => [c.n, i + 1]));
    answer = answer.replace(/ ?\[(\d+)\]/gu, (_m, n: string) =>
      kept.has(Number(n)) ? ` [${kept.get(Number(n))}]` : "",
    );
    citations.forEach((c, i) => (c.n = i + 1));
  }
  if (!citations.length && !result.abstained)
    return {
      answer: "No answer could be verified against the corpus.",
      abstained: true,
      citations,
      answerer: result.answerer,
      passages: result.passages,
    };
  return {
    answer,
    abstained: result.abstained,
    citations,
    ...(result.table ? { table: result.table } : {}),
    answerer: result.answerer,
    passages: result.passages,
  };
}

/**
 * Reads and validates an `/api/ask` body, bounded to what the pipeline reads (see `boundAsk`).
 *
 * @example
 *   const body = await askBody(c); // 400/415 problem when invalid
 */
export const askBody = async (c: Parameters<typeof jsonBody>[0]): Promise<AskRequest> =>
  boundAsk(await jsonBody(c, AskRequestSchema));

/** `POST /api/ask`. */
export function askRoutes(answer: Answerer): Hono {
  const app = new Hono();
  app.post("/ask", async (c) => {
    const body = await askBody(c);
    const result = await answer(body, c.req.raw.signal);
    return c.body(answerJson(result), 200, { "content-type": "application/json" });
  });
  return app;
}
