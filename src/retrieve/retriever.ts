import type { Chunk } from "../chunks/types.js";
import type { Embedder } from "../embed/types.js";
import type { LoadedIndex } from "../store/index-data.js";
import { fuseRankings } from "./fuse.js";
import { searchLexical } from "./lexical-index.js";
import { rerank } from "./rerank.js";
import type { Hit, PreparedQuery } from "./types.js";

/** Fusion and candidate settings. Dense vectors are a minor signal on this corpus; lexical matching carries it. */
export interface RetrieveOptions {
  candidates: number;
  lexicalWeight: number;
  denseWeight: number;
  glossWeight: number;
  /** Weight of the ranking by translations (the other language's passages). */
  crossWeight: number;
  rrfK: number;
}
// Tuned on the dev set with the offline USE-lite encoder (R@5 0.84 → 0.93 from rrfK 60 → 20 and dense 0.2 → 0.1):
// a small k lets the first lexical ranks dominate, and USE-lite's neighbours are mostly noise here.
export const DEFAULT_RETRIEVE: RetrieveOptions = {
  candidates: 60,
  lexicalWeight: 1,
  denseWeight: 0.1,
  glossWeight: 0.6,
  crossWeight: 0.2,
  rrfK: 20,
};
/** A multilingual model (e5) reads Chinese itself and earns more say in the fusion. */
export const MULTILINGUAL_DENSE_WEIGHT = 0.3;

/**
 * Hybrid retrieval: BM25 over passages (own terms, name variants, translations) plus BM25 over the
 * English glosses of Chinese passages, fused with dense nearest neighbours by reciprocal rank, then reranked.
 *
 * @example
 *   const hits = await retrieve(index, embedder, prepareQuery(q, lexicon), 8);
 */
export async function retrieve(
  index: LoadedIndex,
  embedder: Embedder,
  query: PreparedQuery,
  k: number,
  opts: RetrieveOptions = embedder.multilingual
    ? { ...DEFAULT_RETRIEVE, denseWeight: MULTILINGUAL_DENSE_WEIGHT }
    : DEFAULT_RETRIEVE,
): Promise<Hit[]> {
  const usable = (i: number) => index.chunks[i]?.kind !== "references";
  const ranked = (scores: Array<[number, number]>) =>
    scores
      .filter(([i]) => usable(i))
      .sort((a, b) => b[1] - a[1])
      .slice(0, opts.candidates);
  const lexical = ranked(searchLexical(index.lexical, query.terms, opts.candidates * 2));
  const lexScores = new Map(lexical);
  // The other language: translations in the passages' own text, plus the question's words in the
  // English glosses of Chinese passages.
  const crossScores = new Map<number, number>(
    searchLexical(index.lexical, query.crossTerms, opts.candidates * 2),
  );
  for (const [i, s] of searchLexical(index.gloss, query.glossTerms, opts.candidates * 2))
    crossScores.set(i, (crossScores.get(i) ?? 0) + opts.glossWeight * s);
  const crossLingual = ranked([...crossScores]);

  const [vector] = await embedder.embed([query.denseText], "query");
  const dense = vector
    ? index.vectors.search(vector, opts.candidates).filter((h) => usable(h.label))
    : [];
  const denseScores = new Map(dense.map((h) => [h.label, h.similarity]));

  const fused = fuseRankings(
    [
      { ranking: lexical.map(([i]) => i), weight: opts.lexicalWeight },
      { ranking: crossLingual.map(([i]) => i), weight: opts.crossWeight },
      { ranking: dense.map((h) => h.label), weight: opts.denseWeight },
    ],
    opts.rrfK,
  );
  const hits: Hit[] = fused.slice(0, opts.candidates).map(([i, score]) => ({
    index: i,
    chunk: index.chunks[i] as Chunk,
    score,
    lexical: lexScores.get(i) ?? 0,
    dense: denseScores.get(i) ?? 0,
  }));
  return diversify(rerank(hits, query), k);
}

/**
 * Keeps the best-ranked passages but makes room, within the first five, for the best passage of a
 * second document when it is competitive, so comparisons across documents find evidence in each.
 */
export function diversify(hits: Hit[], k: number): Hit[] {
  const top = hits.slice(0, k);
  const firstDoc = top[0]?.chunk.docId;
  const head = top.slice(0, Math.min(5, top.length));
  if (!firstDoc || head.some((h) => h.chunk.docId !== firstDoc)) return top;
  const other = hits.find((h) => h.chunk.docId !== firstDoc);
  if (!other || other.score < 0.5 * top[0]!.score) return top;
  const rest = top.filter((h) => h !== other);
  rest.splice(Math.min(4, rest.length), 0, other);
  return rest.slice(0, k);
}
