import { isMissing, isYear, parseNumber } from "./numbers.js";
import type { HeaderToken } from "./headers.js";

/** Body rows of a one-cell-per-line table: a row header and `n` cells per row. */
export interface Partition {
  /** `label-first`: header then cells; `label-last`: cells then header (a layout some PDFs produce). */
  mode: "label-first" | "label-last";
  /** Row headers are years (cells may be words), or words (cells must be numbers). */
  keys: "years" | "labels";
  n: number;
  rows: Array<{ label: HeaderToken; cells: HeaderToken[] }>;
}

const isValue = (t: HeaderToken) => parseNumber(t.text) !== null || isMissing(t.text);

/**
 * Splits `tokens.slice(h)` into rows of equal length, or returns null. Every token up to the
 * end must be used, so a single irregular row rejects the layout.
 *
 * @example
 *   const t = (text: string) => ({ text, start: 0, end: 0 });
 *   partition([t("2005"), t("北京市"), t("133.1")], 1)?.n // → 1
 */
export function partition(tokens: readonly HeaderToken[], h: number): Partition | null {
  return labelsFirst(tokens, h) ?? yearsFirst(tokens, h) ?? labelsLast(tokens, h);
}

function labelsFirst(tokens: readonly HeaderToken[], h: number): Partition | null {
  const rows: Partition["rows"] = [];
  let n = -1;
  for (let i = h; i < tokens.length;) {
    const label = tokens[i]!;
    if (isValue(label)) return null;
    let j = i + 1;
    while (j < tokens.length && isValue(tokens[j]!)) j++;
    if (n < 0) n = j - i - 1;
    if (n < 1 || j - i - 1 !== n) return null;
    rows.push({ label, cells: tokens.slice(i + 1, j) });
    i = j;
  }
  return rows.length ? { mode: "label-first", keys: "labels", n, rows } : null;
}

function yearsFirst(tokens: readonly HeaderToken[], h: number): Partition | null {
  if (!isYear(tokens[h]?.text ?? "")) return null;
  let next = h + 1;
  while (next < tokens.length && !isYear(tokens[next]!.text)) next++;
  const n = next - h - 1;
  if (n < 1 || (tokens.length - h) % (n + 1) !== 0) return null;
  const rows: Partition["rows"] = [];
  for (let i = h; i < tokens.length; i += n + 1) {
    const cells = tokens.slice(i + 1, i + n + 1);
    if (!isYear(tokens[i]!.text) || cells.some((c) => isYear(c.text))) return null;
    rows.push({ label: tokens[i]!, cells });
  }
  return { mode: "label-first", keys: "years", n, rows };
}

function labelsLast(tokens: readonly HeaderToken[], h: number): Partition | null {
  const rows: Partition["rows"] = [];
  let n = -1;
  for (let i = h; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && isValue(tokens[j]!)) j++;
    const label = tokens[j];
    if (!label || isYear(label.text)) return null;
    if (n < 0) n = j - i;
    if (n < 1 || j - i !== n) return null;
    rows.push({ label, cells: tokens.slice(i, j) });
    i = j + 1;
  }
  return rows.length ? { mode: "label-last", keys: "labels", n, rows } : null;
}
