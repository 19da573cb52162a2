import { linearScore, sigmoid, type LinearModel } from "../learn/linear.js";
import type { SentenceCandidate } from "./features.js";
import { makeQuote } from "./quote.js";
import type { Answer, Citation } from "./types.js";

/** What citing needs besides the chosen sentences: raw file texts (for quotes) and titles. */
export interface AnswerContext {
  raw: (source: string) => string | undefined;
  title: (docId: string) => string;
}

/** The chosen answer sentences and the probability that they answer the question. */
export interface Choice {
  chosen: SentenceCandidate[];
  /** The lowest of the chosen sentences' probabilities (every part must be answered). */
  probability: number;
}

const keyOf = (c: SentenceCandidate) =>
  `${c.hit.chunk.source}:${c.hit.chunk.sentences[c.sentence]!.rawStart}`;

/**
 * Picks the most probable sentence for each part of the question (one part for a simple question),
 * never the same sentence twice.
 *
 * @example
 *   chooseSentences(model, [candidates]).probability // → 0.71
 */
export function chooseSentences(
  model: LinearModel,
  perPart: readonly (readonly SentenceCandidate[])[],
): Choice {
  const chosen: SentenceCandidate[] = [];
  const taken = new Set<string>();
  let probability = perPart.length ? 1 : 0;
  for (const candidates of perPart) {
    let best: SentenceCandidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (taken.has(keyOf(c))) continue;
      const z = linearScore(model, c.x);
      if (z > bestScore) [best, bestScore] = [c, z];
    }
    if (!best) return { chosen: [], probability: 0 };
    taken.add(keyOf(best));
    chosen.push(best);
    probability = Math.min(probability, sigmoid(bestScore));
  }
  return { chosen, probability };
}

/**
 * The answer text and verified citations for the chosen sentences, in reading order within each
 * document. Sentences whose quote does not verify are dropped; nothing verified means abstain.
 *
 * @example
 *   citeSentences(choice.chosen, ctx, "en").answer // → "… [1] … [2]"
 */
export function citeSentences(
  chosen: readonly SentenceCandidate[],
  ctx: AnswerContext,
  lang: "en" | "zh",
): Answer {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    const raw = ctx.raw(c.hit.chunk.source);
    const s = c.hit.chunk.sentences[c.sentence]!;
    const display = c.hit.chunk.text.slice(s.start, s.end);
    const q = raw ? makeQuote(raw, s.rawStart, s.rawEnd, display) : null;
    if (!q) continue;
    const n = citations.length + 1;
    citations.push({
      n,
      docId: c.hit.chunk.docId,
      source: c.hit.chunk.source,
      title: ctx.title(c.hit.chunk.docId),
      quote: q.quote,
      start: q.start,
      end: q.end,
      section: c.hit.chunk.section,
      passageId: c.hit.chunk.id,
    });
    parts.push(`${q.quote} [${n}]`);
  }
  if (!citations.length) return abstention(lang);
  return { answer: parts.join(" "), abstained: false, citations };
}

/**
 * The answer given when the corpus does not answer, in the question's language.
 *
 * @example
 *   abstention("en").abstained // → true
 */
export function abstention(lang: "en" | "zh"): Answer {
  const answer =
    lang === "zh"
      ? "語料中找不到能回答這個問題的內容。"
      : "The corpus does not contain an answer to this question.";
  return { answer, abstained: true, citations: [] };
}
