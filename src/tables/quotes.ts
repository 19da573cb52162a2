import { isYear } from "./numbers.js";
import { isClear, overlap } from "./match.js";
import type { Span } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** A rebuilt cell to look for in the prose around its table. */
export interface QuotableCell {
  text: string;
  rowLabel: string;
  columnLabel: string;
}

/** How far around the table the prose is searched. */
const REACH = 3000;
/** Sentence ends: Chinese stops and semicolons, or an English stop followed by a space. */
const SENTENCE_END = /^(?:[。！？；;]|\.\s)/u;
const MAX_SENTENCE = 300;

/**
 * Cells whose figure the surrounding prose states in a sentence that also names the cell's row
 * and column ("2007 年河北…成交額 63.97 億元" confirms row 2007, column 河北省). Short or
 * round figures are skipped, since they recur by chance.
 *
 * @example
 *   quotedCells(raw, [tableStart, tableEnd], cells, false, vocabulary) // → ['"63.97" (2007, 河北省) is quoted in the text']
 */
export function quotedCells(
  raw: string,
  table: Span,
  cells: readonly QuotableCell[],
  singleRow: boolean,
  { termsOf }: TableVocabulary,
): string[] {
  const from = Math.max(0, table[0] - REACH);
  const to = Math.min(raw.length, table[1] + REACH);
  const index = numberIndex(raw, from, to, table);
  const found: string[] = [];
  for (const cell of cells) {
    const key = cell.text.replace(/[,，%％]/gu, "").trim();
    if (!/^\d+(?:\.\d+)?$/u.test(key) || isYear(key) || (!key.includes(".") && key.length < 3))
      continue;
    for (const at of index.get(key) ?? []) {
      const sentence = sentenceAround(raw, at, from, to);
      const terms = termsOf(sentence);
      const rowNamed = singleRow || isClear(overlap(termsOf(cell.rowLabel), terms));
      if (rowNamed && isClear(overlap(termsOf(cell.columnLabel), terms))) {
        found.push(`"${cell.text}" (${cell.rowLabel}, ${cell.columnLabel}) is quoted in the text`);
        break;
      }
    }
  }
  return found;
}

/** Positions of every number in `raw[from, to)` outside the table, by digits without separators. */
function numberIndex(raw: string, from: number, to: number, table: Span): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const pattern =
    /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])/gu;
  pattern.lastIndex = from;
  for (let m = pattern.exec(raw); m && m.index < to; m = pattern.exec(raw)) {
    if (m.index >= table[0] && m.index < table[1]) continue;
    const key = m[0].replace(/,/gu, "");
    index.set(key, [...(index.get(key) ?? []), m.index]);
  }
  return index;
}

function sentenceAround(raw: string, at: number, from: number, to: number): string {
  let start = at;
  while (
    start > Math.max(from, at - MAX_SENTENCE) &&
    !SENTENCE_END.test(raw.slice(start - 1, start + 1))
  )
    start--;
  let end = at;
  while (end < Math.min(to, at + MAX_SENTENCE) && !SENTENCE_END.test(raw.slice(end, end + 2)))
    end++;
  return raw.slice(start, end).replace(/\s+/gu, " ");
}
