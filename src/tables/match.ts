import type { Terms } from "./terms.js";

/** How much of a label's terms a query covers. */
export interface Overlap {
  /** Matched weight over the label's total weight (0–1). */
  coverage: number;
  /** Matched weight. */
  matched: number;
  /** The label's terms found in the query. */
  hits: string[];
  /** Place terms of the label, and how many of them the query names. */
  places: number;
  placeHits: number;
}

/**
 * The share of `label`'s term weight that `query` contains.
 *
 * @example
 *   overlap(vocabulary.termsOf("Dongguan"), vocabulary.termsOf("东莞的外资企业")).coverage // → 1
 */
export function overlap(label: Terms, query: Terms): Overlap {
  let total = 0;
  let matched = 0;
  let places = 0;
  let placeHits = 0;
  const hits: string[] = [];
  for (const [term, weight] of label) {
    total += weight;
    const place = term.startsWith("@");
    if (place) places++;
    if (query.has(term)) {
      matched += weight;
      hits.push(term);
      if (place) placeHits++;
    }
  }
  return { coverage: total === 0 ? 0 : matched / total, matched, hits, places, placeHits };
}

/**
 * True when a label is clearly named by the query: at least half its weight (and more than a
 * stray character bigram), or every place it names — places tell rows and columns apart best
 * ("Shenzhen per domestic firm" is named by "Shenzhen's").
 *
 * @example
 *   isClear({ coverage: 1, matched: 3, hits: ["@beijing"], places: 1, placeHits: 1 }) // → true
 */
export function isClear(o: Overlap): boolean {
  return (o.coverage >= 0.5 && o.matched >= 1) || (o.places > 0 && o.placeHits === o.places);
}

/**
 * Coverage, raised for labels whose places the query all names (a place settles a row or
 * column even when the rest of its header is generic wording).
 *
 * @example
 *   strength({ coverage: 0.3, matched: 3, hits: ["@shenzhen"], places: 1, placeHits: 1 }) // → 0.65
 */
export function strength(o: Overlap): number {
  return o.places > 0 && o.placeHits === o.places
    ? Math.max(o.coverage, 0.5 + 0.5 * o.coverage)
    : o.coverage;
}
