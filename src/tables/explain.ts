import { captionTerms, pathTerms, rowTerms, type CellView } from "./labels.js";
import type { Terms } from "./terms.js";
import type { TableVocabulary } from "./vocabulary.js";

/** Too general to pin a table down ("China's ICT industry"). */
const GENERIC = new Set(["@china"]);

/**
 * Every term that describes a cell: its row, group, column path, caption and notes.
 *
 * @example
 *   describing(view, vocabulary).has("~export") // → true for a cell of Zhou's Table 3
 */
export function describing(view: CellView, vocabulary: TableVocabulary): Set<string> {
  const { termsOf } = vocabulary;
  return new Set([
    ...rowTerms(view, vocabulary).keys(),
    ...termsOf(view.row.group ?? "").keys(),
    ...pathTerms(view.column, vocabulary).keys(),
    ...captionTerms(view.table, vocabulary).keys(),
    ...termsOf(view.table.notes.join(" ")).keys(),
  ]);
}

/**
 * Places and years the question names that nothing about the cell explains. A table about other
 * places or years cannot answer the question, so any such term rules the cell out.
 *
 * @example
 *   unexplained(vocabulary.termsOf("share of domain names in Beijing in July 2008"), describing(view, vocabulary)) // → ["#2008"]
 */
export function unexplained(query: Terms, known: ReadonlySet<string>): string[] {
  return [...query.keys()].filter((t) => /^[@#]/u.test(t) && !GENERIC.has(t) && !known.has(t));
}

/**
 * Share of the question's words and concepts (places, years and character bigrams aside) that
 * describe the cell. Bigrams are left out because most of a question's bigrams straddle words.
 *
 * @example
 *   explainedShare(vocabulary.termsOf("Z-score for Shenzhen hardware firms"), describing(view, vocabulary)) // → 1 for Table 2
 */
export function explainedShare(query: Terms, known: ReadonlySet<string>): number {
  let total = 0;
  let hit = 0;
  for (const [term, w] of query) {
    if (/^[@#]/u.test(term) || w < 1) continue;
    total += w;
    if (known.has(term)) hit += w;
  }
  return total === 0 ? 0 : hit / total;
}

/**
 * True when the question names what is measured — a word or concept (not only a place or a
 * year) shared with the row, column, group or caption.
 *
 * @example
 *   namesMeasure(vocabulary.termsOf("2009 年天津吸收山東的國內資金"), describing(view, vocabulary)) // → true (國內, 資金)
 */
export function namesMeasure(query: Terms, known: ReadonlySet<string>): boolean {
  let weight = 0;
  for (const [term, w] of query) if (!/^[@#]/u.test(term) && known.has(term)) weight += w;
  return weight >= 1;
}
