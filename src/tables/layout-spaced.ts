import { readCaption } from "./captions.js";
import { isBlank, type Line } from "./lines.js";
import { cleanSpan, type CleanText } from "./markup.js";
import { isMissing, isYear, parseNumber } from "./numbers.js";
import { isTotalLabel, makeCell, makeColumn } from "./rows.js";
import { verifyGrid } from "./verify.js";
import type { TableBody, TableColumn, TableRow } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

const SOURCE = /^\s*\*?\s*(?:資料來源|sources?|souce|notes?)\s*\*?\s*[:：]/iu;
const MAX_LINES = 60;

/** A line of running prose (used to end a table that has no source line). */
function isProse(text: string): boolean {
  return text.trim().length >= 45 && text.trim().split(/\s+/u).length >= 7;
}

/**
 * Reads an OCR table whose cells are separated by single spaces. Only rows of a word label and a
 * fixed number of figures can be split with certainty; tables of words stay `unparsed`.
 *
 * @example
 *   readSpacedBody(raw, lines, captionLine + 1, captionStart, vocabulary).status // → "parsed" for a label + figures table
 */
export function readSpacedBody(
  raw: string,
  lines: readonly Line[],
  from: number,
  captionStart: number,
  vocabulary: TableVocabulary,
): TableBody {
  const body = bodyLines(lines, from);
  const lastLine = body.at(-1) ?? from - 1;
  const end = lines[lastLine]?.end ?? lines[from - 1]?.end ?? 0;
  const base = {
    layout: "spaced" as const,
    unit: null,
    stub: null,
    columns: [],
    rows: [],
    checks: [],
    warnings: [],
    end,
    lastLine,
  };
  const split = body.map((i) => splitLine(raw, lines[i]!));
  const [header, ...data] = split;
  const counts = new Set(data.map((d) => d.values.length));
  const k = data[0]?.values.length ?? 0;
  if (
    !header ||
    data.length === 0 ||
    k === 0 ||
    counts.size !== 1 ||
    data.some((d) => !d.label.text)
  ) {
    return {
      ...base,
      status: "unparsed",
      reason:
        "cells are separated by single spaces and the rows do not end in the same number of figures, so cell boundaries cannot be recovered",
    };
  }
  const head = headerColumns(raw, header, k);
  if (!head)
    return {
      ...base,
      status: "unparsed",
      reason: `the header line cannot be split into a row header and ${k} column headers`,
    };
  const rows: TableRow[] = data.map((d, i) => {
    const line = lines[body[i + 1]!]!;
    return {
      label: d.label.text,
      group: null,
      total: isTotalLabel(d.label.text),
      start: d.label.start,
      end: line.start + line.text.trimEnd().length,
      labelStart: d.label.start,
      labelEnd: d.label.end,
      cells: d.values.map((v, c) => makeCell(head.columns[c]!.key, v)),
    };
  });
  const verdict = verifyGrid(raw, [captionStart, end], head.columns, rows, false, vocabulary);
  if (!verdict.ok) return { ...base, status: "unparsed", reason: verdict.reason };
  for (const r of verdict.totalRows) rows[r]!.total = true;
  return {
    ...base,
    status: "parsed",
    stub: head.stub,
    columns: head.columns,
    rows,
    checks: verdict.checks,
  };
}

function bodyLines(lines: readonly Line[], from: number): number[] {
  const picked: number[] = [];
  const stop = Math.min(lines.length, from + MAX_LINES);
  let sourceAt = stop;
  for (let i = from; i < stop && sourceAt === stop; i++)
    if (SOURCE.test(lines[i]!.text) || readCaption(lines, i)) sourceAt = i;
  for (let i = from; i < sourceAt; i++) {
    const line = lines[i]!;
    if (sourceAt === stop && isProse(line.text) && picked.length > 0) break;
    if (!isBlank(line)) picked.push(i);
  }
  return picked;
}

interface SplitLine {
  label: CleanText;
  values: CleanText[];
  words: CleanText[];
}

/** Splits a line into words; the trailing figures are its values, the words before them its label. */
function splitLine(raw: string, line: Line): SplitLine {
  const words: CleanText[] = [];
  for (const m of line.text.matchAll(/\S+/gu))
    words.push(cleanSpan(raw, line.start + m.index, line.start + m.index + m[0].length));
  let cut = words.length;
  while (cut > 0 && (parseNumber(words[cut - 1]!.text) || isMissing(words[cut - 1]!.text))) cut--;
  const labelWords = words.slice(0, cut);
  const label = labelWords.length
    ? {
        text: labelWords.map((w) => w.text).join(" "),
        start: labelWords[0]!.start,
        end: labelWords.at(-1)!.end,
      }
    : { text: "", start: line.start, end: line.start };
  return { label, values: words.slice(cut), words };
}

/** Header: a stub then `k` years, or (for one column) stub and column split where a capitalized word follows a lower-case one. */
function headerColumns(
  raw: string,
  header: SplitLine,
  k: number,
): { stub: string | null; columns: TableColumn[] } | null {
  if (header.values.length === k && header.values.every((v) => isYear(v.text))) {
    return {
      stub: header.label.text || null,
      columns: header.values.map((v, i) => makeColumn(i + 1, [v.text], [[v.start, v.end]])),
    };
  }
  if (k !== 1 || header.values.length > 0) return null;
  const words = header.words;
  const cuts = words.flatMap((w, i) =>
    i > 0 && /^\p{Ll}/u.test(words[i - 1]!.text) && /^\p{Lu}/u.test(w.text) ? [i] : [],
  );
  if (cuts.length !== 1) return null;
  const [stubWords, colWords] = [words.slice(0, cuts[0]), words.slice(cuts[0])];
  const column = cleanSpan(raw, colWords[0]!.start, colWords.at(-1)!.end);
  return {
    stub: stubWords.map((w) => w.text).join(" "),
    columns: [makeColumn(1, [column.text], [[column.start, column.end]])],
  };
}
