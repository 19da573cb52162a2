import { matchForm } from "../text/fold.js";
import { overlap, type Overlap } from "./match.js";
import type { Terms } from "./terms.js";
import type { Table, TableCell, TableColumn, TableRow } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** One value cell with everything that describes it. */
export interface CellView {
  table: Table;
  row: TableRow;
  column: TableColumn;
  cell: TableCell;
}

/**
 * Every cell of the parsed tables that sits in a value column with a known header.
 *
 * @example
 *   cellViews(tables).length // → number of answerable cells
 */
export function cellViews(tables: readonly Table[]): CellView[] {
  return tables.flatMap((table) => {
    if (table.status !== "parsed") return [];
    const columns = new Map(
      table.columns
        .filter((c) => c.role === "value" && c.certain && c.label)
        .map((c) => [c.key, c]),
    );
    return table.rows.flatMap((row) =>
      row.cells.flatMap((cell) => {
        const column = columns.get(cell.column);
        return column ? [{ table, row, column, cell }] : [];
      }),
    );
  });
}

/**
 * Terms of a header, with what it says in parentheses — units and qualifiers such as
 * "(billion yuan)" or "(domestic)" — at a third of their weight.
 *
 * @example
 *   labelTerms("GDP (billion yuan)", vocabulary).get("billion") // → 0.33…
 */
export function labelTerms(label: string, vocabulary: TableVocabulary): Terms {
  const { termsOf } = vocabulary;
  const inner = [...label.matchAll(/[(（]([^()（）]*)[)）]/gu)].map((m) => m[1] ?? "").join(" ");
  const terms: Terms = new Map([...termsOf(inner)].map(([t, w]) => [t, w / 3]));
  for (const [t, w] of termsOf(label.replace(/[(（][^()（）]*[)）]/gu, " "))) terms.set(t, w);
  return terms;
}

/**
 * Terms of the row header that applies to a cell (a side-by-side table's own header wins).
 *
 * @example
 *   rowTerms(view, vocabulary).has("@beijing") // → true for a cell in the 北京市 row
 */
export function rowTerms(view: CellView, vocabulary: TableVocabulary): Terms {
  return labelTerms(view.cell.rowLabel ?? view.row.label, vocabulary);
}

/**
 * Terms of the leaf header of a column.
 *
 * @example
 *   leafTerms(column, vocabulary).has("~export") // → true for "Private firms: Exporters"
 */
export function leafTerms(column: TableColumn, vocabulary: TableVocabulary): Terms {
  return labelTerms(column.path.at(-1) ?? column.label, vocabulary);
}

/**
 * Terms of a column's whole header path plus its unit.
 *
 * @example
 *   pathTerms(column, vocabulary).has("~foreign") // → true for "Foreign-owned firms: Employees"
 */
export function pathTerms(column: TableColumn, vocabulary: TableVocabulary): Terms {
  return vocabulary.termsOf([...column.path, column.unit ?? ""].join(" "));
}

/**
 * How well the question names a column's header groups (the path above the leaf), 0–1. A
 * "Total" group counts as half named even when the question does not say "total", because a
 * question that names no group asks for the total; columns without groups score 0.75.
 *
 * @example
 *   groupFit(column, vocabulary.termsOf("foreign firms that export"), vocabulary) // → 1 under "Foreign-affiliated firms"
 */
export function groupFit(column: TableColumn, query: Terms, vocabulary: TableVocabulary): number {
  const groups = vocabulary.termsOf(column.path.slice(0, -1).join(" "));
  if (groups.size === 0) return 0.75;
  let total = 0;
  let hit = 0;
  for (const [term, weight] of groups) {
    total += weight;
    if (query.has(term)) hit += weight;
    else if (term === "~total") hit += weight / 2;
  }
  return hit / total;
}

/**
 * Terms of a table's caption, unit and row-header title (used to tell tables apart).
 *
 * @example
 *   captionTerms(table, vocabulary).has("@tianjin") // → true for 表5：天津科技園區企業數
 */
export function captionTerms(table: Table, vocabulary: TableVocabulary): Terms {
  return vocabulary.termsOf([table.caption, table.unit ?? "", table.stub ?? ""].join(" "));
}

/**
 * How well a label and a query match both ways: `label` is how much of the label the query
 * names (must be clear), `query` how much of the query the label with its context explains.
 *
 * @example
 *   twoWay(vocabulary.termsOf("Beijing"), vocabulary.termsOf("Region (software)"), vocabulary.termsOf("Beijing software")).query // → 1
 */
export function twoWay(
  label: Terms,
  context: Terms,
  query: Terms,
): { label: Overlap; query: number } {
  const both: Terms = new Map([...context, ...label]);
  return { label: overlap(label, query), query: overlap(query, both).coverage };
}

/**
 * True when `query` names the table: its label ("Table 3", "表2", "tab. 3") or caption words.
 *
 * @example
 *   namesTable(table, "table 3", vocabulary) // → true for Zhou's Table 3
 */
export function namesTable(table: Table, query: string, vocabulary: TableVocabulary): boolean {
  const key = (s: string) =>
    matchForm(s)
      .replace(/^tab(?:le)?\.?/u, "table")
      .replace(/[\s.:：]/gu, "");
  if (/^\s*(?:table|tab\.?|表)\s*\S{1,3}\s*$/iu.test(query)) return key(query) === key(table.label);
  return overlap(vocabulary.termsOf(query), captionTerms(table, vocabulary)).coverage >= 0.5;
}
