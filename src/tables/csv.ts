import type { Table } from "./types.js";

/**
 * A parsed table as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks
 * quoted). The first column holds the row headers, a "group" column follows when the table has
 * group rows, then one column per value column headed by its label (its key when the label
 * is unknown). Cells keep their text as printed ("1,132", "55.97%"). Unparsed tables have no
 * grid, so they give an empty string.
 *
 * @example
 *   tableToCsv(chenTable1).split("\r\n")[1] // → 'Suzhou,670,"1,863","9,217",645,628,"1,132"'
 */
export function tableToCsv(table: Table): string {
  if (table.status !== "parsed") return "";
  const grouped = table.rows.some((r) => r.group !== null);
  const header = [
    table.stub ?? "",
    ...(grouped ? ["group"] : []),
    ...table.columns.map((c) => c.label || c.key),
  ];
  const lines = [header];
  for (const row of table.rows) {
    const byColumn = new Map(row.cells.map((c) => [c.column, c.text]));
    lines.push([
      row.label,
      ...(grouped ? [row.group ?? ""] : []),
      ...table.columns.map((c) => byColumn.get(c.key) ?? ""),
    ]);
  }
  return lines.map((fields) => fields.map(quote).join(",")).join("\r\n");
}

function quote(field: string): string {
  return /[",\r\n]/u.test(field) ? `"${field.replace(/"/gu, '""')}"` : field;
}
