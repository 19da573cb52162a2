import { bm25, DEFAULT_BM25, type Bm25Params } from "./bm25.js";

/** A serialisable inverted index: term → [[docIndex, termFrequency], ...]. */
export interface LexicalIndexData {
  docCount: number;
  avgLength: number;
  lengths: number[];
  postings: Record<string, Array<[number, number]>>;
}

/** A weighted query term: translations and rewrites count less than the user's own words. */
export interface QueryTerm {
  term: string;
  weight: number;
}

/**
 * Builds the inverted index from the token lists of each document.
 *
 * @example
 *   const data = buildLexicalIndex([["beij", "firm"], ["tianjin"]]);
 */
export function buildLexicalIndex(docs: readonly string[][]): LexicalIndexData {
  const postings: Record<string, Array<[number, number]>> = Object.create(null) as Record<
    string,
    Array<[number, number]>
  >;
  docs.forEach((tokens, i) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) (postings[t] ??= []).push([i, n]);
  });
  const lengths = docs.map((d) => d.length);
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { docCount: docs.length, avgLength, lengths, postings };
}

/** Number of documents containing `term`. */
export const documentFrequency = (data: LexicalIndexData, term: string): number =>
  postingsOf(data, term)?.length ?? 0;

/** Postings of `term`; own properties only, so terms such as "constructor" are safe. */
export const postingsOf = (
  data: LexicalIndexData,
  term: string,
): Array<[number, number]> | undefined =>
  Object.hasOwn(data.postings, term) ? data.postings[term] : undefined;

/**
 * Scores every document containing a query term; returns `[docIndex, score]` best first.
 * A term repeated in the query adds its weight once per occurrence.
 */
export function searchLexical(
  data: LexicalIndexData,
  query: readonly QueryTerm[],
  limit: number,
  params: Bm25Params = DEFAULT_BM25,
): Array<[number, number]> {
  const scores = new Map<number, number>();
  for (const { term, weight } of query) {
    const list = postingsOf(data, term);
    if (!list) continue;
    for (const [doc, tf] of list) {
      const s =
        weight *
        bm25(tf, list.length, data.docCount, data.lengths[doc] ?? 0, data.avgLength, params);
      scores.set(doc, (scores.get(doc) ?? 0) + s);
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1]).slice(0, limit);
}
