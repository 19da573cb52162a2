import { captionTerms } from "./labels.js";
import { overlap, type Overlap } from "./match.js";
import type { Terms } from "./terms.js";
import type { Table } from "./types.js";
import type { TableVocabulary } from "./vocabulary.js";

/** The question as the scorers see it. */
export interface Query {
  text: string;
  /** Terms of the question itself. */
  own: Terms;
  /** Terms of the question and the earlier turns. */
  all: Terms;
  /** Terms of the question in reading order. */
  sequence: string[];
}

/** A context term counts for this much of a term in the question itself. */
const CONTEXT_WEIGHT = 0.6;
/** Below this confidence the caller should fall back to prose passages. */
export const MIN_CONFIDENCE = 0.35;
/** At least this share of the question's words must describe the cell; otherwise its table is about something else. */
export const MIN_EXPLAINED = 0.5;

/**
 * The question's terms, with the earlier turns of a conversation when there are any.
 *
 * @example
 *   buildQuery("And in Dongguan?", "What share of Shenzhen firms export?", vocabulary).all.has("@shenzhen") // → true
 */
export function buildQuery(
  question: string,
  context: string | undefined,
  vocabulary: TableVocabulary,
): Query {
  const { termsOf, termSequence } = vocabulary;
  const own = termsOf(question);
  const all = context ? new Map([...termsOf(context), ...own]) : own;
  return { text: question, own, all, sequence: termSequence(question) };
}

/**
 * Coverage of a label by the question itself, or (discounted) by the question with the
 * conversation's earlier turns, whichever is higher.
 *
 * @example
 *   covered(vocabulary.termsOf("2007"), query).coverage // → 0.6 when only an earlier turn named 2007
 */
export function covered(label: Terms, query: Query): Overlap {
  const own = overlap(label, query.own);
  if (query.all === query.own) return own;
  const all = overlap(label, query.all);
  const discounted = {
    ...all,
    coverage: all.coverage * CONTEXT_WEIGHT,
    matched: all.matched * CONTEXT_WEIGHT,
  };
  return discounted.coverage > own.coverage ? discounted : own;
}

/**
 * Caption words the question shares tell tables apart ("天津引進國內資金" vs "北京…輸出技術").
 *
 * @example
 *   tableBonus(table, query, vocabulary) // → 0–1.5
 */
export function tableBonus(table: Table, query: Query, vocabulary: TableVocabulary): number {
  return Math.min(1.5, overlap(captionTerms(table, vocabulary), query.all).matched / 4);
}

/**
 * 1 when the runner-up is a full point behind, down to 0.5 when it ties.
 *
 * @example
 *   marginFactor(5, 4.5) // → 0.75
 */
export function marginFactor(best: number, second: number | undefined): number {
  if (second === undefined) return 1;
  return 0.5 + 0.5 * Math.min(1, Math.max(0, best - second));
}

/**
 * Rounds a confidence to two decimals.
 *
 * @example
 *   round(0.6666) // → 0.67
 */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
