import { readCaption } from "./captions.js";
import { assembleHeader, type HeaderResult, type HeaderToken } from "./headers.js";
import { isBlank, type Line } from "./lines.js";
import { cleanSpan } from "./markup.js";
import { partition, type Partition } from "./partition.js";
import { isTotalLabel, makeCell } from "./rows.js";
import { unitFromLine } from "./units.js";
import { verifyGrid } from "./verify.js";
import type { TableBody, TableRow } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** What ends a flattened table: a source line, a heading, or a line of running prose. */
const SOURCE = /^\s*\*?\s*(?:資料來源|資料摘取自|资料来源|sources?|souce|notes?)\s*\*?\s*[:：]/iu;
const HEADING =
  /^\s*(?:abstract|introduction|第.{1,3}章|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/iu;
const MAX_LINES = 600;

function isProse(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return (han >= 20 && /[，。；]/u.test(text)) || (han === 0 && text.trim().length >= 75);
}

/** Two long lines in a row are a paragraph: flattened cells are short or separated by blank lines. */
function isParagraph(line: Line, next: Line | undefined): boolean {
  const long = (l: Line | undefined) =>
    l !== undefined && l.text.trim().length >= 40 && l.text.trim().split(/\s+/u).length >= 6;
  return long(line) && long(next);
}

/** Options for {@link readLinesBody}. */
export interface LinesOptions {
  /** Raw start of the caption (the prose search for quoted figures is centred on the table). */
  captionStart: number;
  /** See `HeaderOptions.phraseSupported`. */
  phraseSupported: (head: string, tail: string) => boolean;
  /** The corpus's places and concepts, for finding a cell's figure quoted with its row and column. */
  vocabulary: TableVocabulary;
}

/**
 * Reads a table whose cells come one per line (a unit line may follow the caption) and rebuilds
 * its grid when the structure is certain; otherwise returns it as `unparsed` with the reason.
 *
 * @example
 *   readLinesBody(raw, lines, captionLine + 1, { captionStart, phraseSupported, vocabulary })?.status // → "parsed"
 */
export function readLinesBody(
  raw: string,
  lines: readonly Line[],
  from: number,
  options: LinesOptions,
): TableBody {
  let i = from;
  let unit: string | null = null;
  const tokens: HeaderToken[] = [];
  let lastLine = from - 1;
  for (; i < lines.length && i < from + MAX_LINES; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (tokens.length === 0 && unit === null && unitFromLine(line.text)) {
      unit = unitFromLine(line.text);
      lastLine = i;
      continue;
    }
    if (
      SOURCE.test(line.text) ||
      HEADING.test(line.text) ||
      isProse(line.text) ||
      isParagraph(line, lines[i + 1]) ||
      readCaption(lines, i)
    )
      break;
    const clean = cleanSpan(raw, line.start, line.end);
    if (clean.text) tokens.push(clean);
    lastLine = i;
  }
  const end = lines[lastLine]?.end ?? lines[from - 1]?.end ?? 0;
  const base: TableBody = {
    layout: "cell-lines",
    status: "unparsed",
    unit,
    stub: null,
    columns: [],
    rows: [],
    checks: [],
    warnings: [],
    end,
    lastLine,
  };
  if (tokens.length < 2)
    return { ...base, status: "unparsed", reason: "no table cells follow the caption" };
  return rebuild(raw, tokens, base, options);
}

function rebuild(
  raw: string,
  tokens: readonly HeaderToken[],
  base: TableBody,
  options: LinesOptions,
): TableBody {
  let reason = "the cells do not divide into rows of equal length";
  let mostRows = 1;
  for (let h = 0; h < tokens.length; h++) {
    const rows = partition(tokens, h);
    if (!rows) continue;
    const header = assembleHeader(tokens.slice(0, h), rows.n, {
      rowKeysAreYears: rows.keys === "years",
      phraseSupported: options.phraseSupported,
    });
    if (!header.ok) {
      // The failure of the most regular reading (most rows) is the one worth reporting.
      if (rows.rows.length > mostRows) {
        mostRows = rows.rows.length;
        reason = `${rows.rows.length} rows of ${rows.n} cells found, but ${header.reason}`;
      }
      continue;
    }
    const table = toTable(header, rows);
    const verdict = verifyGrid(
      raw,
      [options.captionStart, base.end],
      table.columns,
      table.rows,
      rows.keys === "years",
      options.vocabulary,
    );
    if (!verdict.ok) return { ...base, status: "unparsed", reason: verdict.reason };
    for (const r of verdict.totalRows) table.rows[r]!.total = true;
    return {
      ...base,
      ...table,
      unit: base.unit ?? shareUnit(table),
      status: "parsed",
      checks: verdict.checks,
    };
  }
  return { ...base, status: "unparsed", reason };
}

/** A "Total" column that is 100 in every row makes the other columns percentage shares. */
function shareUnit(table: Pick<TableBody, "columns" | "rows">): string | null {
  const total = table.columns.find((c) => isTotalLabel(c.label));
  const values = table.rows.map((r) => r.cells.find((c) => c.column === total?.key)?.value);
  return total && values.length > 1 && values.every((v) => v === 100) ? "%" : null;
}

function toTable(
  header: Extract<HeaderResult, { ok: true }>,
  rows: Partition,
): Pick<TableBody, "stub" | "columns" | "rows" | "warnings"> {
  const bodyRows: TableRow[] = rows.rows.map(({ label, cells }) => {
    const all = [label, ...cells];
    return {
      label: label.text,
      group: null,
      total: isTotalLabel(label.text),
      start: Math.min(...all.map((t) => t.start)),
      end: Math.max(...all.map((t) => t.end)),
      labelStart: label.start,
      labelEnd: label.end,
      cells: cells.flatMap((cell, c) =>
        header.columns[c] ? [makeCell(header.columns[c].key, cell)] : [],
      ),
    };
  });
  return {
    stub: header.stub?.text ?? null,
    columns: header.columns,
    rows: bodyRows,
    warnings: header.warnings,
  };
}
