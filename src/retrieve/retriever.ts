import type { Embedder } from "../embed/types.js";
import type { Translator } from "../lexicon/types.js";
import { linearScore, type LinearModel } from "../learn/linear.js";
import type { QuestionAnalysis } from "../question/types.js";
import type { LoadedIndex } from "../store/index-data.js";
import {
  passageFeatures,
  questionFacts,
  type QuestionFacts,
  type RankSignals,
} from "./features.js";
import { searchLexical } from "./lexical-index.js";
import { searchTerms } from "./terms.js";
import type { Hit } from "./types.js";
import type { ChunkView } from "./views.js";

/** What retrieval reads: the loaded index with its matching views, the encoder and the dictionary. */
export interface RetrievalContext {
  index: LoadedIndex;
  views: readonly ChunkView[];
  embedder: Embedder;
  translator: Translator | null;
}

/** A passage that some first-stage ranking found, with its feature vector. */
export interface PassageCandidate {
  index: number;
  x: number[];
}

/** How deep each first-stage ranking is read; their union is scored by the fitted model. */
export const CANDIDATES_PER_RANKING = 70;

/**
 * The candidate passages of a question: the union of the first-stage rankings (BM25 of its own words,
 * of the earlier turn's, of its names, of translations, of glosses, and dense neighbours), each with
 * its named features. With `dense` false the encoder is not asked and the dense features are 0.
 *
 * @example
 *   const candidates = await passageCandidates(ctx, analysis);
 */
export async function passageCandidates(
  ctx: RetrievalContext,
  a: QuestionAnalysis,
  facts: QuestionFacts = questionFacts(a, ctx.index.lexical),
  dense = true,
): Promise<PassageCandidate[]> {
  const { index } = ctx;
  const usable = (i: number) => index.chunks[i]?.kind !== "references";
  const t = searchTerms(a, ctx.translator, ctx.embedder.multilingual);
  const deep = CANDIDATES_PER_RANKING;
  const lexical = (data: typeof index.lexical, q: typeof t.own) =>
    searchLexical(data, q, deep * 2)
      .filter(([i]) => usable(i))
      .slice(0, deep);
  const lists = {
    own: lexical(index.lexical, t.own),
    context: lexical(index.lexical, t.context),
    names: lexical(index.lexical, t.names),
    cross: lexical(index.lexical, t.cross),
    gloss: lexical(index.gloss, t.gloss),
  };
  // Without weight on the dense features, the question is not embedded at all.
  const [vector] = dense ? await ctx.embedder.embed([t.denseText], "query") : [];
  const neighbours = vector
    ? (await index.vectors.search(vector, deep)).filter((h) => usable(h.label))
    : [];
  const scoreOf = Object.fromEntries(
    Object.entries(lists).map(([k, l]) => [k, new Map(l)]),
  ) as Record<keyof typeof lists, Map<number, number>>;
  const rankOf = (l: ReadonlyArray<[number, number]>) => new Map(l.map(([i], r) => [i, r]));
  const ranks = {
    own: rankOf(lists.own),
    cross: rankOf(lists.cross),
    dense: new Map(neighbours.map((h, r) => [h.label, r])),
  };
  const denseScore = new Map(neighbours.map((h) => [h.label, h.similarity]));
  const maxima = Object.fromEntries(
    Object.entries(lists).map(([k, l]) => [k, l[0]?.[1] ?? 0]),
  ) as RankSignals["bm25"];
  const strongest = a.sources[0]?.strength ?? 0;
  const sourceOf = new Map(a.sources.map((s) => [s.docId, strongest ? s.strength / strongest : 0]));
  const pool = new Set<number>([
    ...Object.values(lists).flatMap((l) => l.map(([i]) => i)),
    ...neighbours.map((h) => h.label),
  ]);
  return [...pool].map((i) => {
    const chunk = index.chunks[i]!;
    const signals: RankSignals = {
      bm25: {
        own: scoreOf.own.get(i) ?? 0,
        context: scoreOf.context.get(i) ?? 0,
        names: scoreOf.names.get(i) ?? 0,
        cross: scoreOf.cross.get(i) ?? 0,
        gloss: scoreOf.gloss.get(i) ?? 0,
      },
      rank: {
        own: ranks.own.get(i) ?? null,
        cross: ranks.cross.get(i) ?? null,
        dense: ranks.dense.get(i) ?? null,
      },
      dense: denseScore.get(i) ?? 0,
    };
    return {
      index: i,
      x: passageFeatures(
        facts,
        chunk,
        ctx.views[i]!,
        signals,
        maxima,
        sourceOf.get(chunk.docId) ?? 0,
      ),
    };
  });
}

/**
 * Candidates ordered by the fitted model; `score` is its logit.
 *
 * @example
 *   rankPassages(index, candidates, weights.passage).slice(0, 5)
 */
export function rankPassages(
  index: LoadedIndex,
  candidates: readonly PassageCandidate[],
  model: LinearModel,
): Hit[] {
  return candidates
    .map((c) => ({ index: c.index, chunk: index.chunks[c.index]!, score: linearScore(model, c.x) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * Merges the rankings of a compound question's parts with the whole question's, taking the best
 * unseen passage of each in turn, so every part's evidence reaches the first places.
 *
 * @example
 *   interleave([wholeHits, partOneHits, partTwoHits], 10)
 */
export function interleave(rankings: readonly (readonly Hit[])[], k: number): Hit[] {
  const out: Hit[] = [];
  const seen = new Set<number>();
  const next = rankings.map(() => 0);
  const unseen = (r: readonly Hit[], i: number) => {
    while (next[i]! < r.length && seen.has(r[next[i]!]!.index)) next[i]!++;
    return r[next[i]!];
  };
  while (out.length < k && rankings.some((r, i) => unseen(r, i)))
    for (const [i, r] of rankings.entries()) {
      const h = unseen(r, i);
      if (h && out.length < k) {
        seen.add(h.index);
        out.push(h);
      }
    }
  return out;
}
