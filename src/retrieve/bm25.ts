/** BM25 parameters. */
export interface Bm25Params {
  k1: number;
  b: number;
}
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/**
 * BM25 weight of one term in one document (Robertson–Spärck Jones idf, floored at a small positive value).
 *
 * @example
 *   bm25(2, 10, 100, 120, 150, DEFAULT_BM25) // → ~2.9
 */
export function bm25(
  tf: number,
  df: number,
  docCount: number,
  length: number,
  avgLength: number,
  { k1, b }: Bm25Params,
): number {
  const idf = Math.max(0.01, Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
}

/** Inverse document frequency as used by {@link bm25}. */
export const idf = (df: number, docCount: number): number =>
  Math.max(0.01, Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));
