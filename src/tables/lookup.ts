import { matchForm } from "../text/fold.js";
import {
  cellViews,
  leafTerms,
  namesTable,
  pathTerms,
  rowTerms,
  twoWay,
  type CellView,
} from "./labels.js";
import { isClear } from "./match.js";
import type { Terms } from "./terms.js";
import type { CellMatch, CellQuery, Table } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/**
 * Finds the cells a row/column/table/document query names, best first. Matching is tolerant:
 * place names in either language and script ("东莞" = "東莞" = "Dongguan"), header wording
 * (case, punctuation, plurals, partial overlap), and group context — "Beijing software" prefers
 * the Beijing row under "Region (software)". A row or column that is asked for must be named
 * clearly (at least half of its header's weight). Places and header concepts come from the corpus's
 * table vocabulary.
 *
 * @example
 *   const [best] = findCells(tables, { row: "东莞", column: "foreign-affiliated percentage of revenue from new products" }, vocabulary);
 *   best?.cell.text // → "52.08"
 */
export function findCells(
  tables: readonly Table[],
  q: CellQuery,
  vocabulary: TableVocabulary,
): CellMatch[] {
  const pool = tables.filter(
    (t) =>
      (!q.doc || matchForm(`${t.docId} ${t.source}`).includes(matchForm(q.doc))) &&
      (!q.table || namesTable(t, q.table, vocabulary)),
  );
  const rowQuery = q.row ? vocabulary.termsOf(q.row) : null;
  const columnQuery = q.column ? vocabulary.termsOf(q.column) : null;
  const matches: CellMatch[] = [];
  for (const view of cellViews(pool)) {
    const parts: number[] = [];
    if (rowQuery) {
      const row = rowScore(view, rowQuery, vocabulary);
      if (row === null) continue;
      parts.push(row);
    }
    if (columnQuery) {
      const column = columnScore(view, columnQuery, vocabulary);
      if (column === null) continue;
      parts.push(column);
    }
    const score = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
    matches.push({ score, ...view });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/** 0–1, or null when the row header is not clearly named. */
function rowScore(view: CellView, query: Terms, vocabulary: TableVocabulary): number | null {
  const m = twoWay(rowTerms(view, vocabulary), vocabulary.termsOf(view.row.group ?? ""), query);
  return isClear(m.label) ? 0.6 * m.label.coverage + 0.4 * m.query : null;
}

/** 0–1, or null when the leaf header is not clearly named. */
function columnScore(view: CellView, query: Terms, vocabulary: TableVocabulary): number | null {
  const m = twoWay(leafTerms(view.column, vocabulary), pathTerms(view.column, vocabulary), query);
  return isClear(m.label) ? 0.6 * m.label.coverage + 0.4 * m.query : null;
}
