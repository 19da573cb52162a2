import { readCaption, type Caption } from "./captions.js";
import { isBlank, rawLines, type Line } from "./lines.js";
import { readLinesBody } from "./layout-lines.js";
import { readSpacedBody } from "./layout-spaced.js";
import { readTabBody } from "./layout-tabs.js";
import { readNotes } from "./notes.js";
import { settleUnits } from "./rows.js";
import { unitFromLabel } from "./units.js";
import type { Table, TableBody } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** How many lines after a caption decide between one cell per line and space-separated cells. */
const SNIFF = 12;

/**
 * Finds every table of a corpus file. Pure: works on the raw text and returns raw offsets.
 * Tab-separated tables are read as they are; tables flattened to one cell per line or split
 * by spaces are rebuilt only when totals, sums or quoted figures confirm the grid, and are
 * otherwise returned as `unparsed` with the reason. A figure quoted in the prose confirms a grid
 * when the sentence names its row and column in the corpus's table vocabulary.
 *
 * @example
 *   const tables = extractTables("zhou-2010", "zhou-2010.txt", raw, vocabulary);
 *   tables[2]?.label // → "Table 3"
 */
export function extractTables(
  docId: string,
  source: string,
  raw: string,
  vocabulary: TableVocabulary,
): Table[] {
  const lines = rawLines(raw);
  const context = { supported: phraseFinder(raw), vocabulary };
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const caption = readCaption(lines, i);
    if (!caption) continue;
    const body = readBody(raw, lines, caption, context);
    if (!body) continue;
    tables.push(assemble(docId, source, raw, lines, caption, body, tables.length + 1));
    i = Math.max(i, body.lastLine);
  }
  return tables;
}

function readBody(
  raw: string,
  lines: readonly Line[],
  caption: Caption,
  {
    supported,
    vocabulary,
  }: { supported: (h: string, t: string) => boolean; vocabulary: TableVocabulary },
): TableBody | null {
  const from = caption.lastLine + 1;
  const tabs = readTabBody(raw, lines, from);
  if (tabs) return tabs;
  const body = blankSeparated(lines, from)
    ? readLinesBody(raw, lines, from, {
        captionStart: caption.start,
        phraseSupported: supported,
        vocabulary,
      })
    : readSpacedBody(raw, lines, from, caption.start, vocabulary);
  const empty = body.status === "unparsed" && body.lastLine < from;
  return empty ? null : body;
}

/** PDF conversions that flatten a table to one cell per line leave blank lines between most cells. */
function blankSeparated(lines: readonly Line[], from: number): boolean {
  let seen = 0;
  let followedByBlank = 0;
  for (let i = from; i < lines.length && seen < SNIFF; i++) {
    if (isBlank(lines[i]!)) continue;
    seen++;
    if (lines[i + 1] && isBlank(lines[i + 1]!)) followedByBlank++;
  }
  return seen > 0 && followedByBlank / seen >= 0.4;
}

function assemble(
  docId: string,
  source: string,
  raw: string,
  lines: readonly Line[],
  caption: Caption,
  body: TableBody,
  n: number,
): Table {
  const { notes, lastLine } = readNotes(lines, body.lastLine, body.layout === "tabs");
  const end = Math.max(body.end, lines[lastLine]?.end ?? body.end);
  const unit = body.unit ?? unitFromLabel(caption.title);
  if (body.status === "parsed") settleUnits(body.columns, body.rows, unit);
  const table: Table = {
    id: `${docId}:t${n}`,
    docId,
    source,
    label: caption.label,
    caption: caption.caption,
    title: caption.title,
    unit,
    notes,
    status: body.status,
    layout: body.layout,
    stub: body.stub,
    columns: body.columns,
    rows: body.rows,
    checks: body.checks,
    warnings: body.warnings,
    captionStart: caption.start,
    captionEnd: caption.end,
    start: caption.start,
    end,
    text: raw.slice(caption.start, end),
  };
  if (body.reason !== undefined) table.reason = body.reason;
  return table;
}

/**
 * Whether the document writes a merged header as a phrase ("Integrated Circuit(s)"), its words
 * apart by spaces or one line break — never a blank line, which is how flattened cells are apart.
 */
function phraseFinder(raw: string): (head: string, joined: string) => boolean {
  const cache = new Map<string, boolean>();
  return (_head, joined) => {
    const hit = cache.get(joined);
    if (hit !== undefined) return hit;
    const words = joined
      .split(/\s+/u)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/s$/u, ""));
    const found =
      words.length > 1 &&
      new RegExp(`\\b${words.join("(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)")}s?\\b`, "iu").test(raw);
    cache.set(joined, found);
    return found;
  };
}
