import { linearScore, type LinearModel } from "../learn/linear.js";
import type { SentenceCandidate } from "./features.js";
import { makeQuote } from "./quote.js";
import type { Answer, Citation } from "./types.js";

/** What citing needs besides the chosen sentences: raw file texts (for quotes) and titles. */
export interface AnswerContext {
  raw: (source: string) => string | undefined;
  title: (docId: string) => string;
}

/** The chosen answer sentences, and for each part the scores of its candidates and the chosen one. */
export interface Choice {
  chosen: SentenceCandidate[];
  parts: Array<{ scores: number[]; best: number }>;
}

const keyOf = (c: SentenceCandidate) => `${c.hit.chunk.source}:${c.sentence.rawStart}`;

/**
 * Picks the best-scoring sentence for each part of the question (one part for a simple question),
 * never the same sentence twice. An empty `chosen` means some part has no candidate.
 *
 * @example
 *   chooseSentences(model, [candidates]).chosen[0]
 */
export function chooseSentences(
  model: LinearModel,
  perPart: readonly (readonly SentenceCandidate[])[],
  secondRatio = 0,
): Choice {
  const scored = perPart.map((candidates) => candidates.map((c) => linearScore(model, c.x)));
  // The most confident part chooses first, so a sentence that answers it is not taken by another.
  const order = scored
    .map((scores, i) => ({ i, top: Math.max(-Infinity, ...scores) }))
    .sort((a, b) => b.top - a.top)
    .map((o) => o.i);
  const picked = new Array<{ quoted: SentenceCandidate[]; scores: number[]; best: number }>(
    perPart.length,
  );
  const taken = new Set<string>();
  const bestFree = (candidates: readonly SentenceCandidate[], scores: readonly number[]) => {
    let best = -1;
    scores.forEach((z, j) => {
      if (!taken.has(keyOf(candidates[j]!)) && (best < 0 || z > scores[best]!)) best = j;
    });
    return best;
  };
  for (const i of order) {
    const candidates = perPart[i]!;
    const scores = scored[i]!;
    const best = bestFree(candidates, scores);
    if (best < 0) return { chosen: [], parts: [] };
    taken.add(keyOf(candidates[best]!));
    const quoted = [candidates[best]!];
    // When the runner-up is nearly as likely (its softmax mass at least `secondRatio` of the best's),
    // it is quoted too: a cautious answer with both pieces of evidence.
    const second = secondRatio > 0 ? bestFree(candidates, scores) : -1;
    if (second >= 0 && Math.exp(scores[second]! - scores[best]!) >= secondRatio) {
      taken.add(keyOf(candidates[second]!));
      quoted.push(candidates[second]!);
    }
    picked[i] = { quoted, scores, best };
  }
  const chosen = picked.flatMap((p) => p.quoted);
  const parts = picked.map((p) => ({ scores: p.scores, best: p.best }));
  return { chosen, parts };
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
  script: "latin" | "hant" | "hans" = "hant",
): Answer {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    const raw = ctx.raw(c.hit.chunk.source);
    const s = c.sentence;
    const q = raw ? makeQuote(raw, s.rawStart, s.rawEnd, s.text) : null;
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
  if (!citations.length) return abstention(lang, script);
  return { answer: parts.join(" "), abstained: false, citations };
}

/**
 * The answer given when the corpus does not answer, in the question's language.
 *
 * @example
 *   abstention("en").abstained // → true
 */
export function abstention(lang: "en" | "zh", script: "latin" | "hant" | "hans" = "hant"): Answer {
  const answer =
    lang === "en"
      ? "The corpus does not contain an answer to this question."
      : script === "hans"
        ? "语料中找不到能回答这个问题的内容。"
        : "語料中找不到能回答這個問題的內容。";
  return { answer, abstained: true, citations: [] };
}
