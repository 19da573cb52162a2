import { isBlank, type Line } from "./lines.js";
import { cleanSpan, type CleanText } from "./markup.js";
import { parseNumber } from "./numbers.js";
import { isTotalLabel, makeCell, makeColumn } from "./rows.js";
import type { Span, TableBody, TableColumn, TableRow } from "./types.js";

/** How many blank lines may separate a caption from its tab-separated body. */
const MAX_GAP = 2;

/**
 * Reads a tab-separated table body that starts at `lines[from]` (blank lines skipped), or
 * returns null when no tab-separated line follows. Header rows are the first row plus the rows
 * after it whose first cell is empty; a row with only its first cell filled is a group row.
 *
 * @example
 *   const raw = "Region\tGDP\nSuzhou\t670\n";
 *   readTabBody(raw, rawLines(raw), 0)?.rows[0]?.cells[0]?.value // → 670
 */
export function readTabBody(raw: string, lines: readonly Line[], from: number): TableBody | null {
  let first = from;
  while (first < lines.length && first - from < MAX_GAP && isBlank(lines[first]!)) first++;
  let last = first;
  while (last < lines.length && lines[last]!.text.includes("\t")) last++;
  if (last === first) return null;
  const grid = lines.slice(first, last).map((line) => splitTabs(raw, line));
  let headerCount = 1;
  while (headerCount < grid.length && isHeaderRow(grid[headerCount]!)) headerCount++;
  const width = Math.max(...grid.map((cells) => cells.length));
  const columns = headerColumns(grid.slice(0, headerCount), width);
  const rows = bodyRows(grid.slice(headerCount), lines.slice(first + headerCount, last), columns);
  markSideBySide(columns, rows);
  const stub = grid[0]?.[0]?.text || null;
  const end = lines[last - 1]!.end;
  return {
    layout: "tabs",
    status: "parsed",
    stub,
    unit: null,
    columns,
    rows,
    checks: [],
    warnings: [],
    end,
    lastLine: last - 1,
  };
}

function splitTabs(raw: string, line: Line): CleanText[] {
  const cells: CleanText[] = [];
  let at = line.start;
  for (const part of line.text.split("\t")) {
    cells.push(cleanSpan(raw, at, at + part.length));
    at += part.length + 1;
  }
  return cells;
}

function isHeaderRow(cells: readonly CleanText[]): boolean {
  return (
    cells[0]?.text === "" && cells.some((c, i) => i > 0 && c.text !== "" && !parseNumber(c.text))
  );
}

/** Column paths: an upper header cell spans the empty cells to its right; leaf cells do not. */
function headerColumns(header: readonly CleanText[][], width: number): TableColumn[] {
  const columns: TableColumn[] = [];
  const carried: (CleanText | null)[] = header.map(() => null);
  for (let c = 1; c < width; c++) {
    const path: string[] = [];
    const spans: Span[] = [];
    header.forEach((cells, h) => {
      const own = cells[c];
      const isLeafRow = h === header.length - 1;
      if (own && own.text) carried[h] = own;
      else if (isLeafRow || header.length === 1) carried[h] = null;
      const cell = carried[h];
      if (cell && path.at(-1) !== cell.text) {
        path.push(cell.text);
        spans.push([cell.start, cell.end]);
      }
    });
    columns.push(makeColumn(c, path, spans));
  }
  return columns;
}

function bodyRows(
  grid: readonly CleanText[][],
  lines: readonly Line[],
  columns: readonly TableColumn[],
): TableRow[] {
  const rows: TableRow[] = [];
  let group: string | null = null;
  grid.forEach((cells, i) => {
    const head = cells[0] ?? { text: "", start: lines[i]!.start, end: lines[i]!.start };
    const filled = cells.slice(1).filter((c) => c.text !== "");
    if (head.text && filled.length === 0) {
      group = head.text;
      return;
    }
    const line = lines[i]!;
    rows.push({
      label: head.text,
      group,
      total: isTotalLabel(head.text),
      start: line.start,
      end: line.start + line.text.trimEnd().length,
      labelStart: head.start,
      labelEnd: head.end,
      cells: cells.slice(1).flatMap((clean, c) => {
        const column = columns[c];
        return clean.text && column ? [makeCell(column.key, clean)] : [];
      }),
    });
  });
  return rows;
}

/**
 * Two tables set side by side (row header, values, row header, values): a later column whose
 * cells are all words between numeric columns is a second row-header column.
 */
function markSideBySide(columns: TableColumn[], rows: readonly TableRow[]): void {
  const numeric = (key: string) =>
    rows.some((r) => r.cells.some((c) => c.column === key && c.value !== null));
  columns.forEach((column, i) => {
    const cells = rows.flatMap((r) => r.cells.filter((c) => c.column === column.key));
    const words =
      cells.length > 0 && cells.length === rows.length && cells.every((c) => c.value === null);
    const before = columns.slice(0, i).some((c) => numeric(c.key));
    const after = columns.slice(i + 1).some((c) => numeric(c.key));
    if (!words || !before || !after) return;
    column.role = "stub";
    const later = new Set(columns.slice(i + 1).map((c) => c.key));
    for (const row of rows) {
      const label = row.cells.find((c) => c.column === column.key)?.text;
      for (const cell of row.cells) if (label && later.has(cell.column)) cell.rowLabel = label;
    }
  });
}
