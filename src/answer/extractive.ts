import type { ChunkSentence } from "../chunks/types.js";
import { asksTwoThings } from "../retrieve/decompose.js";
import type { LexicalIndexData } from "../retrieve/lexical-index.js";
import type { Hit, PreparedQuery } from "../retrieve/types.js";
import { requiredAnchors, supportsAnchors } from "./evidence.js";
import { makeQuote } from "./quote.js";
import { scoreSentences, type Candidate } from "./score.js";
import type { Answer, Citation } from "./types.js";

/** Sentence selection and abstention thresholds. */
export interface ExtractiveOptions {
  /** How many top passages to read sentences from. */
  passages: number;
  /** Least share of the question's (idf-weighted) terms the answer sentence must contain. */
  minCoverage: number;
  /** A second sentence from another document is added when it scores at least this share of the best. */
  secondRatio: number;
}
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  passages: 10,
  minCoverage: 0.3,
  secondRatio: 0.5,
};

/** What the answerer needs besides the hits: raw file texts (for quotes) and titles. */
export interface AnswerContext {
  raw: (source: string) => string | undefined;
  title: (docId: string) => string;
  lexical: LexicalIndexData;
}

/**
 * Extractive answering: picks the sentence of the top passages that best covers the question (its
 * terms, numbers and names), cites it verbatim, and abstains when no sentence carries the question's
 * names and years or covers enough of its terms.
 *
 * @example
 *   const answer = answerExtractive(query, hits, ctx);
 */
export function answerExtractive(
  query: PreparedQuery,
  hits: Hit[],
  ctx: AnswerContext,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  parts: readonly PreparedQuery[] = [],
): Answer {
  const top = hits.slice(0, opts.passages);
  const pick = (
    q: PreparedQuery,
    atLeastShare: number,
    minCoverage: number,
    exclude: readonly Candidate[] = [],
  ): Picked | undefined => {
    const required = requiredAnchors(q, ctx.lexical);
    const pool = rankCandidates(q, top, ctx.lexical);
    const c = pool.find(
      (x) =>
        x.coverage >= minCoverage &&
        !exclude.some(
          (e) =>
            e.hit.chunk.source === x.hit.chunk.source &&
            e.sentence.rawStart === x.sentence.rawStart,
        ) &&
        supportsAnchors(q, x, required, Math.ceil(required.length * atLeastShare)),
    );
    return c && { c, pool };
  };
  // A two-part question is answered part by part: the best sentence for each, measured against that part.
  if (parts.length === 2) {
    const first = pick(parts[0]!, 1, opts.minCoverage);
    const second = first ? pick(parts[1]!, 1, opts.minCoverage, [first.c]) : undefined;
    if (first && second) return cite(query, [first, second], ctx);
  }
  const twoParts = asksTwoThings(query.text);
  // Otherwise each half of a two-part question needs only some of its names and covers less of it.
  const minCoverage = twoParts ? opts.minCoverage * 0.7 : opts.minCoverage;
  const best = pick(query, twoParts ? 0.5 : 1, minCoverage);
  if (!best) return abstain(query);
  const chosen = [best];
  if (twoParts) {
    const second = best.pool.find(
      (c) => c.hit.chunk.docId !== best.c.hit.chunk.docId && c.coverage >= minCoverage,
    );
    if (second && second.score >= opts.secondRatio * best.c.score)
      chosen.push({ c: second, pool: best.pool });
  }
  return cite(query, chosen, ctx);
}

/** A chosen sentence and the ranked sentences it was chosen from (for running on into the next one). */
interface Picked {
  c: Candidate;
  pool: readonly Candidate[];
}

/** Scored sentences of the passages, best first, each sentence once (overlapping chunks repeat some). */
function rankCandidates(query: PreparedQuery, hits: Hit[], lexical: LexicalIndexData): Candidate[] {
  const seen = new Set<string>();
  return scoreSentences(query, hits, lexical)
    .sort((a, b) => b.score - a.score)
    .filter((c) => {
      const key = `${c.hit.chunk.source}:${c.sentence.rawStart}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The answer text and verified citations for the chosen sentences. */
function cite(query: PreparedQuery, chosen: readonly Picked[], ctx: AnswerContext): Answer {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const { c, pool } of chosen) {
    const raw = ctx.raw(c.hit.chunk.source);
    const last = continuation(c, pool) ?? c.sentence;
    const display = c.hit.chunk.text.slice(c.sentence.start, last.end);
    const q = raw ? makeQuote(raw, c.sentence.rawStart, last.rawEnd, display) : null;
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
  if (!citations.length) return abstain(query);
  return { answer: parts.join(" "), abstained: false, citations };
}

/**
 * The next sentence of the same passage when it carries on the answer — it covers at least half as
 * much of the question ("… comply with the Four-self-principles." → "The Four-self-principles are: …").
 */
function continuation(c: Candidate, candidates: readonly Candidate[]): ChunkSentence | null {
  const sentences = c.hit.chunk.sentences;
  const next = sentences[sentences.indexOf(c.sentence) + 1];
  if (!next) return null;
  const scored = candidates.find((x) => x.hit.chunk === c.hit.chunk && x.sentence === next);
  return scored && scored.coverage >= 0.5 * c.coverage && c.text.length + scored.text.length <= 600
    ? next
    : null;
}

function abstain(query: PreparedQuery): Answer {
  const answer =
    query.lang === "zh"
      ? "語料中找不到能回答這個問題的內容。"
      : "The corpus does not contain an answer to this question.";
  return { answer, abstained: true, citations: [] };
}
