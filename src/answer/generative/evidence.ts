import type { Hit } from "../../retrieve/types.js";
import type { ChunkView } from "../../retrieve/views.js";
import type { AnswerContext } from "../extractive.js";
import { makeQuote } from "../quote.js";

/** One numbered evidence sentence: `id` "3.2" is passage 3, sentence 2; the text is its verified quote. */
export interface EvidenceSentence {
  id: string;
  /** The verified quotation of the sentence: the display text of raw `[start, end)`. */
  text: string;
  start: number;
  end: number;
  hit: Hit;
}

/** The evidence sent to the model, and every id it may cite. */
export interface Evidence {
  passages: Array<{ n: number; hit: Hit; title: string; sentences: EvidenceSentence[] }>;
  byId: ReadonlyMap<string, EvidenceSentence>;
}

export interface EvidenceLimits {
  /** Passages read, best first. */
  passages: number;
  /** Most characters of sentence text in all: later passages are cut short past it. */
  maxChars: number;
}

/**
 * Numbers the sentences of the top passages (their sentences as retrieval reads them, so every id
 * maps to a raw span), each as its verified quotation: the model only ever sees text that
 * `makeQuote` gives back for a span, and cites it by id. Sentences whose span does not quote
 * (nothing to show) are left out; a sentence already numbered (passages overlap, and two sentences
 * may widen to the same span) is numbered once.
 *
 * @example
 *   const evidence = numberEvidence(result.hits, qa.inspect.views, ctx, { passages: 5, maxChars: 12_000 });
 *   evidence.byId.get("1.2")?.text // → "The record number of the new-tech firms …"
 */
export function numberEvidence(
  hits: readonly Hit[],
  views: readonly ChunkView[],
  ctx: AnswerContext,
  limits: EvidenceLimits,
): Evidence {
  const passages: Evidence["passages"] = [];
  const byId = new Map<string, EvidenceSentence>();
  const seen = new Set<string>();
  let chars = 0;
  for (const hit of hits.slice(0, limits.passages)) {
    const raw = ctx.raw(hit.chunk.source);
    const view = views[hit.index];
    if (!raw || !view) continue;
    const n = passages.length + 1;
    const sentences: EvidenceSentence[] = [];
    for (const s of view.sentences) {
      const q = makeQuote(raw, s.rawStart, s.rawEnd);
      if (!q) continue;
      const key = `${hit.chunk.source}:${q.start}`;
      if (seen.has(key) || chars + q.quote.length > limits.maxChars) continue;
      seen.add(key);
      chars += q.quote.length;
      const sentence = {
        id: `${n}.${sentences.length + 1}`,
        text: q.quote,
        start: q.start,
        end: q.end,
        hit,
      };
      sentences.push(sentence);
      byId.set(sentence.id, sentence);
    }
    if (sentences.length) passages.push({ n, hit, title: ctx.title(hit.chunk.docId), sentences });
    else if (chars >= limits.maxChars) break;
  }
  return { passages, byId };
}

/**
 * The evidence as the model reads it: each passage headed by its number, source title and section,
 * then one sentence a line after its id.
 *
 * @example
 *   renderEvidence(evidence)
 *   // [1] Zhongguancun: a history — 2. Origins
 *   // [1.1] The record number of the new-tech firms registered within a month was 200, set in 1993.
 */
export function renderEvidence(evidence: Evidence): string {
  return evidence.passages
    .map((p) =>
      [
        `[${p.n}] ${p.title}${p.hit.chunk.section ? ` — ${p.hit.chunk.section}` : ""}`,
        ...p.sentences.map((s) => `[${s.id}] ${s.text.replace(/\s+/gu, " ")}`),
      ].join("\n"),
    )
    .join("\n\n");
}
