import type { TableAnswer } from "../tables/types.js";
import { makeQuote } from "./quote.js";
import type { Citation } from "./types.js";

/** The `table` field of an `/api/ask` response. */
export interface TableRef {
  id: string;
  label: string;
  row: string;
  column: string;
  value: number | null;
  unit: string | null;
}

/**
 * A one-sentence answer from a table cell that names the row, column and table, citing the row's raw
 * span and the caption verbatim. Null when neither quote verifies (the caller then falls back to passages).
 *
 * @example
 *   answerFromCell(found, raw, "Zhou et al.") // → { answer: "In Table 5 …, Shenzhen — …: 70.2% [1][2].", … }
 */
export function answerFromCell(
  t: TableAnswer,
  raw: string,
  title: string,
  lang: "en" | "zh",
): { answer: string; citations: Omit<Citation, "passageId">[]; table: TableRef } | null {
  const { table, row, column, cell } = t;
  const rowText = raw.slice(row.start, row.end);
  const quotes = [
    makeQuote(raw, row.start, row.end, rowText),
    makeQuote(raw, table.captionStart, table.captionEnd, table.caption),
  ].filter((q): q is NonNullable<typeof q> => q !== null);
  if (!quotes.length) return null;
  const citations = quotes.map((q, i) => ({
    n: i + 1,
    docId: table.docId,
    source: table.source,
    title,
    quote: q.quote,
    start: q.start,
    end: q.end,
    section: table.label,
  }));
  const marks = citations.map((c) => `[${c.n}]`).join("");
  const rowName = row.group ? `${row.label} (${row.group})` : row.label;
  const colName = column.label || column.key;
  const where = `${table.label}${table.caption ? ` (${table.caption.replace(/^(Table|表)\s*\S+[.:：\s]*/iu, "").trim()})` : ""}`;
  const answer =
    t.kind === "compare"
      ? lang === "zh"
        ? `${where}中「${colName}」${t.direction === "min" ? "最低" : "最高"}的是${rowName}：${t.answer} ${marks}`
        : `In ${where}, ${rowName} has the ${t.direction === "min" ? "lowest" : "highest"} "${colName}": ${t.answer} ${marks}`
      : lang === "zh"
        ? `${where}中，${rowName}的「${colName}」為 ${t.answer} ${marks}`
        : `In ${where}, the value for ${rowName} under "${colName}" is ${t.answer} ${marks}`;
  return {
    answer,
    citations,
    table: {
      id: table.id,
      label: table.label,
      row: rowName,
      column: colName,
      value: cell.value,
      unit: cell.unit,
    },
  };
}
