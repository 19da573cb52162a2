import type { TableCell } from "./types.js";

/**
 * A cell's value with its unit: "70.2%", "208.99 億元人民幣", "1,132 thousand".
 *
 * @example
 *   formatValue({ column: "c1", text: "1,132", value: 1132, unit: "thousand", start: 0, end: 5 }) // → "1,132 thousand"
 */
export function formatValue(cell: TableCell): string {
  if (!cell.unit) return cell.text;
  if (cell.unit === "%") return /[%％]$/u.test(cell.text) ? cell.text : `${cell.text}%`;
  return `${cell.text} ${cell.unit}`;
}
