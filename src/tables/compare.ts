import { explainedShare, namesMeasure, unexplained } from "./explain.js";
import { formatValue } from "./format.js";
import { captionTerms, groupFit, leafTerms, pathTerms, rowTerms, type CellView } from "./labels.js";
import { isClear, overlap } from "./match.js";
import { isYear } from "./numbers.js";
import { orderFit } from "./order.js";
import {
  covered,
  marginFactor,
  MIN_CONFIDENCE,
  MIN_EXPLAINED,
  round,
  tableBonus,
  type Query,
} from "./query.js";
import type { TableAnswer } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** What a comparison ranges over: "which region/city…", "which year…", or another kind of row. */
type Subject = "place" | "year" | "other";

const SUBJECT_EN =
  /\b(?:which|what)\s+(?:\S+\s+){0,2}?(?<word>regions?|cit(?:y|ies)|provinces?|places?|areas?|hubs?|countr(?:y|ies)|parks?|zones?|districts?|years?|sectors?|industr(?:y|ies)|categor(?:y|ies)|types?|groups?|items?)\b/iu;
const SUBJECT_ZH =
  /哪(?:一|個|个|些)?(?<word>地區|地区|城市|省份|省|市|區域|区域|園區|园区|國家|国家|年度|年份|年|產業|产业|行業|行业|類|类|項|项)/u;

function subjectOf(question: string): Subject | null {
  const word = (
    SUBJECT_EN.exec(question)?.groups?.word ?? SUBJECT_ZH.exec(question)?.groups?.word
  )?.toLowerCase();
  if (!word) return null;
  if (/^(?:years?|年度|年份|年)$/u.test(word)) return "year";
  if (
    /^(?:sectors?|industr|categor|types?|groups?|items?|產業|产业|行業|行业|類|类|項|项)/u.test(
      word,
    )
  )
    return "other";
  return "place";
}

interface Candidate {
  views: CellView[];
  score: number;
  clarity: number;
}

/**
 * Answers "which region/year has the highest (lowest) X": finds the column that names X (or,
 * for "which year", the row that names the subject of a table with year columns) and returns
 * its arg-max or arg-min, skipping totals and cells in another unit.
 *
 * @example
 *   compareColumns(views, buildQuery("Which region had the highest mean % of R&D employees among hardware firms?", undefined, vocabulary), "max", vocabulary)?.row.label // → "Beijing"
 */
export function compareColumns(
  views: readonly CellView[],
  query: Query,
  direction: "max" | "min",
  vocabulary: TableVocabulary,
): TableAnswer | null {
  const subject = subjectOf(query.text);
  if (!subject) return null;
  const candidates = [
    ...byColumn(views, query, subject, vocabulary),
    ...byRow(views, query, subject, vocabulary),
  ].sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best) return null;
  const pool = comparable(best.views, query, vocabulary);
  if (pool.length < 2) return null;
  const pick = pool.reduce((acc, v) =>
    (direction === "max" ? v.cell.value! > acc.cell.value! : v.cell.value! < acc.cell.value!)
      ? v
      : acc,
  );
  const confidence = best.clarity * marginFactor(best.score, second?.score);
  if (confidence < MIN_CONFIDENCE) return null;
  const { table, row, column, cell } = pick;
  const acrossColumns = best.views.every((v) => v.row === best.views[0]!.row);
  const name = acrossColumns ? column.label : (cell.rowLabel ?? row.label);
  return {
    kind: "compare",
    table,
    row,
    column,
    cell,
    confidence: round(confidence),
    answer: `${name} (${formatValue(cell)})`,
    direction,
  };
}

/** One candidate per column whose header the question names; rows must be of the asked kind. */
function byColumn(
  views: readonly CellView[],
  query: Query,
  subject: Subject,
  vocabulary: TableVocabulary,
): Candidate[] {
  const { termsOf, termSequence } = vocabulary;
  const groups = new Map<string, CellView[]>();
  for (const v of views)
    groups.set(`${v.table.id}/${v.column.key}`, [
      ...(groups.get(`${v.table.id}/${v.column.key}`) ?? []),
      v,
    ]);
  return [...groups.values()].flatMap((group) => {
    const { table, column } = group[0]!;
    const leaf = covered(leafTerms(column, vocabulary), query);
    if (!isClear(leaf) || !rowsAre(group, subject, vocabulary)) return [];
    const known = new Set([
      ...pathTerms(column, vocabulary).keys(),
      ...captionTerms(table, vocabulary).keys(),
      ...group.flatMap((v) => [
        ...rowTerms(v, vocabulary).keys(),
        ...termsOf(v.row.group ?? "").keys(),
      ]),
    ]);
    if (unexplained(query.own, known).length > 0 || !namesMeasure(query.all, known)) return [];
    const explained = explainedShare(query.own, known);
    if (explained < MIN_EXPLAINED) return [];
    const order = orderFit(termSequence(column.path.at(-1) ?? ""), query.sequence);
    const score =
      2 * leaf.coverage +
      0.5 * order +
      1.5 * groupFit(column, query.all, vocabulary) +
      2 * explained +
      tableBonus(table, query, vocabulary);
    return [{ views: group, score, clarity: leaf.coverage }];
  });
}

/** "Which year (province)…": the named row of a table whose columns are years (places). */
function byRow(
  views: readonly CellView[],
  query: Query,
  subject: Subject,
  vocabulary: TableVocabulary,
): Candidate[] {
  if (subject === "other") return [];
  const fits = (v: CellView) =>
    subject === "year"
      ? isYear(v.column.label)
      : [...leafTerms(v.column, vocabulary).keys()].some((t) => t.startsWith("@"));
  const groups = new Map<string, CellView[]>();
  for (const v of views) {
    if (!fits(v)) continue;
    const key = `${v.table.id}/${v.row.start}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0]!;
    const row = covered(rowTerms(first, vocabulary), query);
    if (!isClear(row)) return [];
    const known = new Set([
      ...rowTerms(first, vocabulary).keys(),
      ...captionTerms(first.table, vocabulary).keys(),
      ...group.flatMap((v) => [...pathTerms(v.column, vocabulary).keys()]),
    ]);
    if (unexplained(query.own, known).length > 0 || !namesMeasure(query.all, known)) return [];
    const explained = explainedShare(query.own, known);
    if (explained < MIN_EXPLAINED) return [];
    const score = 2 * row.coverage + 2 * explained + tableBonus(first.table, query, vocabulary);
    return [{ views: group, score, clarity: row.coverage }];
  });
}

function rowsAre(
  group: readonly CellView[],
  subject: Subject,
  vocabulary: TableVocabulary,
): boolean {
  if (subject === "year") return group.every((v) => isYear(v.row.label));
  if (subject === "place")
    return (
      group.filter((v) => [...rowTerms(v, vocabulary).keys()].some((t) => t.startsWith("@")))
        .length *
        2 >=
      group.length
    );
  return true;
}

/** Cells a comparison ranges over: no totals, the question's group if it names one, one unit. */
function comparable(
  views: readonly CellView[],
  query: Query,
  vocabulary: TableVocabulary,
): CellView[] {
  const plain = views.filter((v) => !v.row.total);
  const named = plain.filter(
    (v) => v.row.group && isClear(overlap(vocabulary.termsOf(v.row.group), query.own)),
  );
  // Rows of different groups (hardware vs software) are compared only within the named or first group.
  const group = named[0]?.row.group ?? plain[0]?.row.group ?? null;
  const pool = plain.filter((v) => v.row.group === group);
  const units = new Map<string, number>();
  for (const v of pool) units.set(v.cell.unit ?? "", (units.get(v.cell.unit ?? "") ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  return pool.filter((v) => (v.cell.unit ?? "") === unit);
}
