import { Hono } from "hono";
import { AppError } from "../../errors.js";
import { AskRequestSchema, SearchQuerySchema, type AskRequest } from "../schemas.js";
import type { AppDeps, ReadyState } from "../state.js";
import { jsonBody, parseWith } from "../validate.js";
import { answerQuestion } from "../../answer/answerer.js";
import type { GenerateOptions } from "../../answer/generative/answer.js";
import { toPassage } from "../../answer/service.js";
import { citationsOut } from "../cite-out.js";

/**
 * The loaded state, or a 503 saying what is under way, how far it is, and when to come back
 * (the build's own estimate, between 2 and 30 seconds; 5 when it cannot tell).
 */
export function ready(deps: AppDeps): ReadyState {
  const s = deps.state();
  if (!s) {
    const progress = deps.progress?.() ?? { phase: deps.status() };
    const eta = progress.etaSeconds;
    throw new AppError(
      "index_not_ready",
      `The index is not loaded yet (${deps.status()}); try again shortly.`,
      {
        retryAfter: eta === undefined ? 5 : Math.min(30, Math.max(2, Math.ceil(eta))),
        details: { progress },
      },
    );
  }
  return s;
}

/**
 * The `/api/ask` response body; `/api/ask/stream` sends the same object in its final event (and
 * `opts.onText` the generative answer's verified sentences as they come).
 */
export async function askResponse(s: ReadyState, body: AskRequest, opts: GenerateOptions = {}) {
  const result = await answerQuestion(s.qa, s.generative, body, opts);
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

/** `POST /api/ask` and `GET /api/search`. */
export function askRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.post("/ask", async (c) => {
    const body = await jsonBody(c, AskRequestSchema);
    return c.json(await askResponse(ready(deps), body, { signal: c.req.raw.signal }));
  });
  app.get("/search", async (c) => {
    const { q, k } = parseWith(SearchQuerySchema, c.req.query());
    const s = ready(deps);
    const hits = await s.qa.search(q, k);
    return c.json({ query: q, passages: hits.map(toPassage) });
  });
  return app;
}
