import { parseNumber } from "./numbers.js";
import { unitFromLabel } from "./units.js";
import type { CleanText } from "./markup.js";
import type { TableCell, TableColumn, TableRow } from "./types.js";

const TOTAL =
  /^(?:total|totals|sum|overall|合計|合计|總計|总计|總數|总数|總和|总和|全國總計|全国总计|全國總數|全国总数)(?=$|[\s(（:：])/iu;

/**
 * True for the label of a total row.
 *
 * @example
 *   isTotalLabel("Total")    // → true
 *   isTotalLabel("全國總計") // → true
 */
export function isTotalLabel(label: string): boolean {
  return TOTAL.test(label.trim());
}

/**
 * A body cell from cleaned cell text (unit is settled later by {@link settleUnits}).
 *
 * @example
 *   makeCell("c1", { text: "55.97%", start: 10, end: 16 }).value // → 55.97
 */
export function makeCell(column: string, clean: CleanText): TableCell {
  const parsed = parseNumber(clean.text);
  return {
    column,
    text: clean.text,
    value: parsed?.value ?? null,
    unit: parsed?.percent ? "%" : null,
    start: clean.start,
    end: clean.end,
  };
}

/**
 * A column with its label joined from the path and its unit read from the header.
 *
 * @example
 *   makeColumn(1, ["Hardware", "Mean % of employees"], []).label // → "Hardware: Mean % of employees"
 */
export function makeColumn(
  index: number,
  path: string[],
  spans: TableColumn["spans"],
  certain = true,
): TableColumn {
  const unit =
    [...path]
      .reverse()
      .map(unitFromLabel)
      .find((u) => u !== null) ?? null;
  return { key: `c${index}`, label: path.join(": "), path, unit, role: "value", certain, spans };
}

/**
 * Gives every numeric cell its unit: "%" written in the cell, else the unit named by its row
 * header, its column header, or the table.
 *
 * @example
 *   settleUnits(columns, rows, "億元人民幣")
 */
export function settleUnits(
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  tableUnit: string | null,
): void {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const row of rows) {
    const rowUnit = unitFromLabel(row.label);
    for (const cell of row.cells) {
      if (cell.value === null || cell.unit) continue;
      const own = cell.rowLabel !== undefined ? unitFromLabel(cell.rowLabel) : rowUnit;
      cell.unit = own ?? byKey.get(cell.column)?.unit ?? tableUnit;
    }
  }
}
