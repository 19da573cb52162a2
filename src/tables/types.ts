/**
 * Data types of the tables stage. Every offset is a JavaScript string offset into the raw file
 * text (`[start, end)`), so a citation can quote `raw.slice(start, end)` without searching.
 */

/** `parsed`: the grid is certain. `unparsed`: only caption, span and the reason are kept. */
export const TABLE_STATUSES = ["parsed", "unparsed"] as const;
export type TableStatus = (typeof TABLE_STATUSES)[number];

/** How the table is laid out in the raw text. */
export const TABLE_LAYOUTS = ["tabs", "cell-lines", "spaced"] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

/** A `[start, end)` range of the raw file. */
export type Span = readonly [start: number, end: number];

/** One value column. `path` runs from the outermost header group down to the leaf header. */
export interface TableColumn {
  /** Stable within the table: `c1`, `c2`, … by position (the row-header column is not counted). */
  key: string;
  /** The path joined with ": ", e.g. "Foreign-affiliated firms: No. of exporting firms"; "" when unknown. */
  label: string;
  path: string[];
  /** Unit read from the header ("%", "billion yuan"), or null. */
  unit: string | null;
  /** `value` columns hold data; a `stub` column holds row headers of a second table set beside the first. */
  role: "value" | "stub";
  /** False when the header text of this column could not be recovered with certainty (label is then ""). */
  certain: boolean;
  /** Raw spans of the header cells the label was built from, outermost first. */
  spans: Span[];
}

/** One body cell. Empty cells are not listed. */
export interface TableCell {
  /** Key of the column the cell sits in. */
  column: string;
  /** Cell text with markup removed. */
  text: string;
  /** Parsed number, or null when the cell is not numeric. */
  value: number | null;
  /** Unit of the value: "%" written in the cell, else the row's, column's or table's unit. */
  unit: string | null;
  start: number;
  end: number;
  /** Row header that applies instead of the row's label, when two tables are set side by side. */
  rowLabel?: string;
}

/** One body row. */
export interface TableRow {
  /** Row header (first cell), markup removed. */
  label: string;
  /** Label of the group row above it (e.g. "Region (hardware)"), or null. */
  group: string | null;
  /** True for total rows ("Total", "全國總計") and rows shown to be sums of other rows; comparisons skip them. */
  total: boolean;
  /** Raw span of the whole row. */
  start: number;
  end: number;
  /** Raw span of the row header. */
  labelStart: number;
  labelEnd: number;
  cells: TableCell[];
}

/** A table found in a corpus file. */
export interface Table {
  /** `${docId}:t${n}`, n counting tables in file order from 1. */
  id: string;
  docId: string;
  source: string;
  /** Normalized label: "Table 2", "表2", "表一". */
  label: string;
  /** Caption line with markup removed, label included. */
  caption: string;
  /** Caption without its label. */
  title: string;
  /** Table-wide unit ("億元人民幣", "%"), or null. */
  unit: string | null;
  /** Notes and "Source:" lines after the table, markup removed. */
  notes: string[];
  status: TableStatus;
  /** Why the table is unparsed. */
  reason?: string;
  layout: TableLayout;
  /** Header of the row-header column ("Region", "年份"), or null. */
  stub: string | null;
  columns: TableColumn[];
  rows: TableRow[];
  /** What confirmed the grid of a rebuilt table (sums, ratios, figures quoted in the text). */
  checks: string[];
  /** Parts of a parsed table that stay uncertain (e.g. header cells that could not be placed). */
  warnings: string[];
  captionStart: number;
  captionEnd: number;
  /** Raw span from the caption to the end of the notes. */
  start: number;
  end: number;
  /** `raw.slice(start, end)`. */
  text: string;
}

/** A query for {@link findCells}; every field is optional and matched tolerantly. */
export interface CellQuery {
  row?: string;
  column?: string;
  /** Table label or caption words ("Table 3", "表2", "export involvement"). */
  table?: string;
  /** Document id or source path (substring match). */
  doc?: string;
}

/** One cell found by {@link findCells}, best first. */
export interface CellMatch {
  score: number;
  table: Table;
  row: TableRow;
  column: TableColumn;
  cell: TableCell;
}

/** What {@link answerFromTables} returns. */
export interface TableAnswer {
  /** `cell`: a single cell answers; `compare`: the arg-max/min of a column (or row). */
  kind: "cell" | "compare";
  table: Table;
  row: TableRow;
  column: TableColumn;
  cell: TableCell;
  /** 0–1. */
  confidence: number;
  /** The value with its unit, e.g. "70.2%", "208.99 億元人民幣", "1,132 thousand". */
  answer: string;
  /** For `compare`: which extreme was asked for. */
  direction?: "max" | "min";
}

/** What a layout reader returns for one caption; `extract` adds identity, caption and notes. */
export interface TableBody {
  layout: TableLayout;
  status: TableStatus;
  reason?: string;
  stub: string | null;
  /** Unit from a unit line under the caption. */
  unit: string | null;
  columns: TableColumn[];
  rows: TableRow[];
  checks: string[];
  warnings: string[];
  /** Raw end of the body, and the index of its last line. */
  end: number;
  lastLine: number;
}
