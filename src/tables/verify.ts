import { confirmations, implausible, type NumericGrid } from "./checks.js";
import { parseNumber } from "./numbers.js";
import { quotedCells } from "./quotes.js";
import { unitFromLabel } from "./units.js";
import type { Span, TableColumn, TableRow } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** The outcome of verifying a rebuilt grid: what confirms it, or why it is rejected. */
export type Verdict =
  { ok: true; checks: string[]; totalRows: number[] } | { ok: false; reason: string };

/** Checks listed on a table; the rest are counted. */
const MAX_LISTED = 6;

/**
 * Decides whether a grid rebuilt from a flattened table is certain: nothing implausible, and at
 * least one confirmation — arithmetic (totals, row sums, shares), a cell figure quoted in the
 * prose with its row and column, or, for tables of words keyed by year, rows that all have the
 * header's length. The corpus's table vocabulary tells whether a sentence names a row and column.
 *
 * @example
 *   verifyGrid(raw, [start, end], columns, rows, false, vocabulary).ok // → true for 表2 (its 廣義環渤海 row is a sum)
 */
export function verifyGrid(
  raw: string,
  span: Span,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  yearKeys: boolean,
  vocabulary: TableVocabulary,
): Verdict {
  const grid = numericGrid(columns, rows);
  const wrong = implausible(grid);
  if (wrong) return { ok: false, reason: wrong };
  const labelOf = new Map(columns.map((c) => [c.key, c.label]));
  const cells = rows.flatMap((r) =>
    r.cells.map((c) => ({
      text: c.text,
      rowLabel: r.label,
      columnLabel: labelOf.get(c.column) ?? "",
    })),
  );
  const sums = confirmations(grid);
  const checks = [
    ...sums.map((c) => c.text),
    ...quotedCells(
      raw,
      span,
      cells.filter((c) => c.columnLabel),
      rows.length === 1,
      vocabulary,
    ),
  ];
  const numeric = rows.some((r) => r.cells.some((c) => c.value !== null));
  if (!numeric && yearKeys && rows.length >= 3) {
    checks.push(
      `each of the ${rows.length} rows starts with a year and has exactly ${columns.length} cells, as the header does`,
    );
  }
  if (checks.length === 0)
    return {
      ok: false,
      reason:
        "no total, row sum, share or figure quoted in the text confirms the order of the cells",
    };
  const listed = checks.slice(0, MAX_LISTED);
  if (checks.length > MAX_LISTED) listed.push(`and ${checks.length - MAX_LISTED} more checks`);
  return {
    ok: true,
    checks: listed,
    totalRows: sums.flatMap((c) => (c.totalRow === undefined ? [] : [c.totalRow])),
  };
}

function numericGrid(columns: readonly TableColumn[], rows: readonly TableRow[]): NumericGrid {
  const at = (row: TableRow, key: string) => row.cells.find((c) => c.column === key);
  return {
    rowLabels: rows.map((r) => r.label),
    columnLabels: columns.map((c) => c.label || c.key),
    rowUnits: rows.map((r) =>
      r.cells.some((c) => parseNumber(c.text)?.percent) ? "%" : unitFromLabel(r.label),
    ),
    columnUnits: columns.map((c) => c.unit),
    values: rows.map((r) => columns.map((c) => at(r, c.key)?.value ?? null)),
    decimals: rows.map((r) =>
      columns.map((c) => parseNumber(at(r, c.key)?.text ?? "")?.decimals ?? 0),
    ),
  };
}
