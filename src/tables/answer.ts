import { compareColumns } from "./compare.js";
import { describing, explainedShare, namesMeasure, unexplained } from "./explain.js";
import { formatValue } from "./format.js";
import { cellViews, groupFit, leafTerms, rowTerms, type CellView } from "./labels.js";
import { isClear, overlap, strength } from "./match.js";
import { orderFit } from "./order.js";
import {
  buildQuery,
  covered,
  marginFactor,
  MIN_CONFIDENCE,
  MIN_EXPLAINED,
  round,
  tableBonus,
  type Query,
} from "./query.js";
import type { Table, TableAnswer } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** A question as table lookup reads it: its text and what question analysis found it asks. */
export interface TableQuestion {
  text: string;
  /** Earlier turns of a conversation; they may supply the row, year or table a follow-up leaves out. */
  context?: string;
  /** Asks for a quantity, share, count or value. */
  numeric: boolean;
  /** Asks which row (or column) holds the highest or lowest value. */
  compare: "max" | "min" | null;
}

/**
 * Answers a question that one table cell answers ("How much electronics output did FIEs produce
 * in Suzhou in 2008?", "2009 年天津從山東引進了多少國內資金？"), or a comparison over a
 * column ("Which region had the highest…?"). Returns null unless the row and the column are both
 * clearly named, every place and year the question names fits the table, and no other cell comes
 * close — so the caller can fall back to prose passages. Rows and columns are matched with the
 * corpus's table vocabulary (its places and header concepts).
 *
 * @example
 *   answerFromTables(tables, { text: "2007 年北京流入天津的國內資金為多少億元？", numeric: true, compare: null }, vocabulary)?.answer
 *   // → "208.99 億元人民幣"
 */
export function answerFromTables(
  tables: readonly Table[],
  q: TableQuestion,
  vocabulary: TableVocabulary,
): TableAnswer | null {
  if (!q.numeric && !q.compare) return null;
  const query = buildQuery(q.text, q.context || undefined, vocabulary);
  const views = cellViews(tables).filter((v) => v.cell.value !== null);
  return q.compare
    ? compareColumns(views, query, q.compare, vocabulary)
    : single(views, query, vocabulary);
}

function rank(views: readonly CellView[], query: Query, vocabulary: TableVocabulary): ScoredCell[] {
  const scored = views.flatMap((view) => {
    const s = scoreCell(view, query, vocabulary);
    return s ? [s] : [];
  });
  return scored.sort((a, b) => b.score - a.score);
}

function single(
  views: readonly CellView[],
  query: Query,
  vocabulary: TableVocabulary,
): TableAnswer | null {
  const [best, ...rest] = rank(views, query, vocabulary);
  if (!best) return null;
  const second = rest.find((s) => s.view.cell.value !== best.view.cell.value);
  const confidence = best.clarity * marginFactor(best.score, second?.score);
  if (confidence < MIN_CONFIDENCE) return null;
  const { table, row, column, cell } = best.view;
  return {
    kind: "cell",
    table,
    row,
    column,
    cell,
    confidence: round(confidence),
    answer: formatValue(cell),
  };
}

/** A candidate cell with its score. */
export interface ScoredCell {
  view: CellView;
  score: number;
  clarity: number;
  /** Share of the question's words the cell's row, column, group and caption explain. */
  explained: number;
}

/** Row and column must both be clearly named, by different words, and the table must fit. */
function scoreCell(view: CellView, query: Query, vocabulary: TableVocabulary): ScoredCell | null {
  const { termsOf, termSequence } = vocabulary;
  const row = covered(rowTerms(view, vocabulary), query);
  const column = covered(leafTerms(view.column, vocabulary), query);
  if (!isClear(row) || !isClear(column)) return null;
  // One word may not name both the row and the column, except "total" naming a total row.
  const totalRow = view.row.total && row.hits.includes("~total");
  if (
    !totalRow &&
    (row.hits.every((h) => column.hits.includes(h)) ||
      column.hits.every((h) => row.hits.includes(h)))
  )
    return null;
  const known = describing(view, vocabulary);
  if (unexplained(query.own, known).length > 0 || !namesMeasure(query.all, known)) return null;
  const [rowFit, columnFit] = [strength(row), strength(column)];
  const explained = explainedShare(query.own, known);
  if (explained < MIN_EXPLAINED) return null;
  const score =
    2 * rowFit +
    2 * columnFit +
    1.5 * groupFit(view.column, query.all, vocabulary) +
    2.5 * explained +
    0.5 * orderFit(termSequence(view.column.path.at(-1) ?? ""), query.sequence) +
    0.3 * overlap(termsOf(view.row.group ?? ""), query.own).coverage +
    kindFit(view, query) +
    tableBonus(view.table, query, vocabulary) +
    0.05 * (row.matched + column.matched);
  return { view, score, clarity: Math.min(rowFit, columnFit), explained };
}

const COUNTING =
  /\bhow many\b|\bnumber of\b|多少(?:家|個|个|人|項|项|件)|幾(?:家|個|人|項|件)|几(?:家|个|人|项|件)/iu;

/** Counting questions ("how many") prefer counts to percentages; share questions the reverse. */
function kindFit(view: CellView, query: Query): number {
  const percent = view.cell.unit === "%";
  if (query.own.has("~percent")) return percent ? 0.5 : 0;
  return COUNTING.test(query.text) && percent ? -0.5 : 0;
}
