/** One ranked list to fuse, with a weight. Items are identified by index. */
export interface RankedList {
  ranking: readonly number[];
  weight: number;
}

/**
 * Weighted reciprocal rank fusion: score(d) = Σ weight / (k + rank), ranks starting at 1.
 *
 * @example
 *   fuseRankings([{ ranking: [3, 1], weight: 1 }, { ranking: [1], weight: 0.5 }]) // → [[1, ...], [3, ...]]
 */
export function fuseRankings(lists: readonly RankedList[], k = 60): Array<[number, number]> {
  const scores = new Map<number, number>();
  for (const { ranking, weight } of lists)
    ranking.forEach((item, i) => scores.set(item, (scores.get(item) ?? 0) + weight / (k + i + 1)));
  return [...scores].sort((a, b) => b[1] - a[1]);
}
