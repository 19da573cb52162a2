import { toSimplified } from "../text/fold.js";
import type { EvalItem, GoldSpan } from "./set.js";

/** What a server returned for one question (the `/api/ask` contract, the fields scoring reads). */
export interface Returned {
  answer: string;
  abstained: boolean;
  citations: ReadonlyArray<{ source: string; start: number; end: number; quote: string }>;
  passages: ReadonlyArray<{ source: string; start: number; end: number }>;
}

/** The score of one question; the fields mirror `run-eval.mjs`. */
export interface ItemScore {
  id: string;
  type: string;
  recall: number | null;
  rr: number;
  correct: boolean;
  abstained: boolean;
  citations: number;
  valid: number;
  supporting: number;
}

const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const CJK_SPACE = new RegExp(`([${CJK}]) (?=[${CJK}])`, "gu");

/** Whitespace, hyphenated line breaks and compatibility forms folded, as the shared scorer does. */
export const normText = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/\u00ad/gu, "")
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, "$1$2")
    .replace(/\s+/gu, " ")
    .replace(CJK_SPACE, "$1")
    .trim();

/**
 * The key under which a quote and its raw span must agree: conversion debris (tags, emphasis,
 * footnote markers after punctuation), whitespace and dashes removed.
 *
 * @example
 *   quoteKey("a *b* c.12") === quoteKey("a b c.") // → true
 */
export const quoteKey = (s: string, dropSuperscripts = true): string =>
  (dropSuperscripts ? s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/gu, "") : s)
    .normalize("NFKC")
    .replace(/<sup>[^<]{0,12}<\/sup>/giu, "")
    .replace(/<\/?[a-z][^>\n]{0,40}>/giu, "")
    .replace(/[*_`\\]/gu, "")
    .replace(/([.,;:!?)\]"'\u201d\u2019\u3002\uff0c\uff1b\uff1a\uff09])\d{1,3}(?=\s|$)/gu, "$1")
    .replace(/[\s\u00ad\-\u2010-\u2015]/gu, "");

/** An answer in comparable form: folded script, lower case, no digit-group commas or quote marks. */
export const normAnswer = (s: string): string =>
  toSimplified(normText(s))
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/gu, "$1")
    .replace(/[\s*_`"'“”‘’「」『』()（）[\]]/gu, "");

const overlap = (a: GoldSpan, b: GoldSpan) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A passage covers a gold span when it holds at least half of it. */
export const covers = (p: GoldSpan, g: GoldSpan): boolean =>
  p.source === g.source && overlap(p, g) >= Math.max(1, Math.floor((g.end - g.start) / 2));

/**
 * Whether an answer text states the gold answer: one of its forms, or every part in one of its forms.
 *
 * @example
 *   answerMatches("It was 13 percent [1]", { answer: "13%", aliases: ["13 percent"] }) // → true
 */
export function answerMatches(
  answer: string,
  gold: Pick<EvalItem, "answer" | "aliases" | "parts">,
): boolean {
  const a = normAnswer(answer);
  if ([gold.answer, ...gold.aliases].some((g) => a.includes(normAnswer(g)))) return true;
  return (
    Boolean(gold.parts?.length) &&
    gold.parts!.every((forms) => forms.some((g) => a.includes(normAnswer(g))))
  );
}

/** Whether a citation's quote is the text of its span (under {@link quoteKey}). */
export function citationValid(
  c: Returned["citations"][number],
  texts: ReadonlyMap<string, string>,
): boolean {
  const text = texts.get(c.source);
  if (
    text === undefined ||
    !c.quote.trim() ||
    c.start < 0 ||
    c.end > text.length ||
    c.start >= c.end
  )
    return false;
  return [true, false].some(
    (drop) => quoteKey(text.slice(c.start, c.end), drop) === quoteKey(c.quote, drop),
  );
}

/**
 * Scores one response against its labelled question, exactly as `run-eval.mjs` does.
 *
 * @example
 *   scoreItem(item, response, corpusTexts, 5).correct
 */
export function scoreItem(
  it: EvalItem,
  r: Returned,
  texts: ReadonlyMap<string, string>,
  k = 5,
): ItemScore {
  const answerable = it.type !== "unanswerable";
  const top = r.passages.slice(0, k);
  const covered = it.gold.filter((g) => top.some((p) => covers(p, g))).length;
  const recall = answerable && it.gold.length ? covered / it.gold.length : null;
  const first = r.passages.findIndex((p) => it.gold.some((g) => covers(p, g)));
  const rr = answerable && first >= 0 && first < 10 ? 1 / (first + 1) : 0;
  const valid = r.citations.filter((c) => citationValid(c, texts)).length;
  const supporting = answerable
    ? r.citations.filter((c) => it.gold.some((g) => g.source === c.source && overlap(c, g) > 0))
        .length
    : 0;
  const correct = answerable ? !r.abstained && answerMatches(r.answer, it) : r.abstained;
  return {
    id: it.id,
    type: it.type,
    recall,
    rr,
    correct,
    abstained: r.abstained,
    citations: r.citations.length,
    valid,
    supporting,
  };
}

/** Aggregate figures over a group of scored questions. */
export interface Summary {
  n: number;
  recallAtK: number | null;
  mrr: number | null;
  accuracy: number | null;
  abstainOnUnanswerable: number | null;
  wrongAbstain: number | null;
  citationValidity: number | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Summarises scores as `run-eval.mjs` reports them.
 *
 * @example
 *   summarise(scores).accuracy // → 0.8
 */
export function summarise(scores: readonly ItemScore[]): Summary {
  const ans = scores.filter((s) => s.type !== "unanswerable");
  const una = scores.filter((s) => s.type === "unanswerable");
  const cites = scores.reduce((a, s) => a + s.citations, 0);
  return {
    n: scores.length,
    recallAtK: mean(ans.flatMap((s) => (s.recall === null ? [] : [s.recall]))),
    mrr: mean(ans.map((s) => s.rr)),
    accuracy: mean(ans.map((s) => (s.correct ? 1 : 0))),
    abstainOnUnanswerable: mean(una.map((s) => (s.correct ? 1 : 0))),
    wrongAbstain: mean(ans.map((s) => (s.abstained ? 1 : 0))),
    citationValidity: cites ? scores.reduce((a, s) => a + s.valid, 0) / cites : null,
  };
}

/**
 * A per-type table with an overall row, as plain text.
 *
 * @example
 *   console.log(formatReport(scores));
 */
export function formatReport(scores: readonly ItemScore[]): string {
  const f = (x: number | null) => (x === null ? "  -  " : x.toFixed(2).padStart(5));
  const types = [...new Set(scores.map((s) => s.type))];
  const rows = [
    ...types.map((t) => [t, summarise(scores.filter((s) => s.type === t))] as const),
    ["OVERALL", summarise(scores)] as const,
  ];
  const lines = ["type                   n   R@5   MRR   acc  unans wrongAbst citeValid"];
  for (const [t, s] of rows)
    lines.push(
      `${t.padEnd(20)} ${String(s.n).padStart(3)} ${f(s.recallAtK)} ${f(s.mrr)} ${f(s.accuracy)} ${f(s.abstainOnUnanswerable)}     ${f(s.wrongAbstain)}     ${f(s.citationValidity)}`,
    );
  return lines.join("\n");
}

/**
 * The per-type table averaged over several runs (e.g. cross-validation with different fold
 * assignments), each figure the mean of the runs' figures.
 *
 * @example
 *   console.log(formatMeanReport([runA, runB, runC]));
 */
export function formatMeanReport(runs: readonly (readonly ItemScore[])[]): string {
  const f = (x: number | null) => (x === null ? "  -  " : x.toFixed(2).padStart(5));
  const types = [...new Set(runs[0]!.map((s) => s.type)), "OVERALL"];
  const lines = ["type                   n   R@5   MRR   acc  unans wrongAbst citeValid"];
  for (const t of types) {
    const sums = runs.map((r) => summarise(t === "OVERALL" ? r : r.filter((s) => s.type === t)));
    const avg = (k: keyof Summary) => {
      const xs = sums.map((s) => s[k]).filter((x): x is number => x !== null);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
    lines.push(
      `${t.padEnd(20)} ${String(sums[0]!.n).padStart(3)} ${f(avg("recallAtK"))} ${f(avg("mrr"))} ${f(avg("accuracy"))} ${f(avg("abstainOnUnanswerable"))}     ${f(avg("wrongAbstain"))}     ${f(avg("citationValidity"))}`,
    );
  }
  return lines.join("\n");
}
