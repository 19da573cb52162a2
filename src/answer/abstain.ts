import { linearScore, type LinearModel } from "../learn/linear.js";
import { SENTENCE_FEATURES, type SentenceCandidate } from "./features.js";

/**
 * The named features of a question and its chosen answer sentence, from which a fitted model
 * gives the probability that the corpus answers the question (else the service abstains).
 */
export const ANSWERABLE_FEATURES = [
  "support",
  "margin",
  "best_cover",
  "best_entity",
  "best_missing_idf",
  "best_focus",
  "best_year_missing",
  "best_kind",
  "numeric_unmet",
  "constrained",
  "constrained_sentence",
  "best_rare",
  "any_rare",
  "unknown_words",
  "unknown_entities",
  "best_entity_passage",
  "best_year_passage_missing",
  "year_conflict",
  "constrained_passage",
  "best_focus_sentence",
  "measure_stated",
  "unmet_two",
  "focus_bound",
] as const;

/**
 * The direction each answerability feature may push the probability: more support, margin,
 * coverage, named entities, focus and answer-kind evidence make an answer likelier; missing rare
 * names, missing years, an unmet numeric request and unknown words make it less likely.
 */
export const ANSWERABLE_SIGNS: Record<(typeof ANSWERABLE_FEATURES)[number], 1 | -1> = {
  support: 1,
  margin: 1,
  best_cover: 1,
  best_entity: 1,
  best_missing_idf: -1,
  best_focus: 1,
  best_year_missing: -1,
  best_kind: 1,
  numeric_unmet: -1,
  constrained: 1,
  constrained_sentence: 1,
  best_rare: 1,
  any_rare: 1,
  unknown_words: -1,
  unknown_entities: -1,
  best_entity_passage: 1,
  best_year_passage_missing: -1,
  year_conflict: -1,
  constrained_passage: 1,
  best_focus_sentence: 1,
  measure_stated: 1,
  unmet_two: -1,
  focus_bound: 1,
};

const at = (name: (typeof SENTENCE_FEATURES)[number]) => SENTENCE_FEATURES.indexOf(name);
const F = {
  cover: at("cover_alts"),
  window: at("cover_window"),
  entity: at("entity_window"),
  yearMissing: at("year_missing"),
  kind: at("kind_cue"),
  missing: at("entity_missing_idf"),
  entityHere: at("entity_share"),
  yearHere: at("year_in_sentence"),
  focus: at("focus"),
  rare: at("cover_rare"),
};

/** What the answerability features need to know about the question beyond its candidates. */
export interface AnswerabilityContext {
  /** idf-weighted share of the question's words the corpus never uses, in any form. */
  unknownWords: number;
  /** Share of the names the question mentions that the corpus never uses, in any form. */
  unknownEntities: number;
  /** Asks for a quantity, share or date. */
  numeric: boolean;
  parts: number;
  /** Whether the question names entities (else entity features read as satisfied). */
  hasEntities: boolean;
  /** Whether the question names what it counts (else the focus feature reads as satisfied). */
  hasFocus: boolean;
  /** Whether the question names years. */
  hasYears: boolean;
  /** The highest pointwise probability that one of the part's candidates answers. */
  support: number;
  /** The years the question names. */
  years: readonly string[];
  /** Where a candidate's passage stands on the question's names and years. */
  passage: (c: SentenceCandidate) => PassageStanding;
}

/** Where a candidate's passage stands on the names and years a question asks about. */
export interface PassageStanding {
  /**
   * Share of the question's names its passage, section heading or document description uses (1
   * when the question names none).
   */
  entities: number;
  /** The question's years its document description does not account for. */
  years: readonly string[];
  /** The passage states none of those years (false when there are none). */
  yearMissing: boolean;
  /**
   * idf-weighted share of what the question counts or measures that the sentence itself names (1
   * when the question names none).
   */
  focus: number;
  /** The sentence states a figure next to what the question counts (true when it counts nothing). */
  bound: boolean;
}

/**
 * The answerability features of one part's candidates given the sentence model's scores.
 *
 * @example
 *   answerabilityFeatures(candidates, scores, best, ctx)
 */
export function answerabilityFeatures(
  candidates: readonly SentenceCandidate[],
  scores: readonly number[],
  best: number,
  ctx: AnswerabilityContext,
): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const top = sorted[0] ?? 0;
  const b = candidates[best]?.x ?? SENTENCE_FEATURES.map(() => 0);
  const entityOk = (x: readonly number[]) => !ctx.hasEntities || x[F.entity]! >= 1;
  const bestCandidate = candidates[best];
  const bestPassage = bestCandidate
    ? ctx.passage(bestCandidate)
    : {
        entities: ctx.hasEntities ? 0 : 1,
        years: ctx.years,
        yearMissing: ctx.hasYears,
        focus: 0,
        bound: false,
      };
  const stated = bestCandidate?.sentence.years ?? [];
  const values: Record<(typeof ANSWERABLE_FEATURES)[number], number> = {
    support: ctx.support,
    margin: Math.min(5, top - (sorted[1] ?? top - 5)),
    best_cover: b[F.cover]!,
    best_entity: ctx.hasEntities ? b[F.entity]! : 1,
    best_missing_idf: b[F.missing]!,
    best_focus: ctx.hasFocus ? b[F.focus]! : 1,
    best_year_missing: b[F.yearMissing]!,
    best_kind: b[F.kind]!,
    // A number, share or date is asked and the chosen sentence states none.
    numeric_unmet: ctx.numeric && b[F.kind]! === 0 ? 1 : 0,
    constrained: candidates.some(
      (c) =>
        entityOk(c.x) &&
        c.x[F.yearMissing]! === 0 &&
        (!ctx.numeric || c.x[F.kind]! === 1) &&
        (!ctx.hasFocus || c.x[F.focus]! > 0),
    )
      ? 1
      : 0,
    // The same, within the sentence itself rather than with its neighbours.
    constrained_sentence: candidates.some(
      (c) =>
        (!ctx.hasEntities || c.x[F.entityHere]! >= 1) &&
        (!ctx.hasYears || c.x[F.yearHere]! === 1) &&
        (!ctx.numeric || c.x[F.kind]! === 1),
    )
      ? 1
      : 0,
    best_rare: b[F.rare]!,
    // Some candidate names all of the question's most specific words, and states what is asked.
    any_rare: Math.max(
      0,
      ...candidates.map((c) => (!ctx.numeric || c.x[F.kind]! === 1 ? c.x[F.rare]! : 0)),
    ),
    unknown_words: ctx.unknownWords,
    unknown_entities: ctx.unknownEntities,
    best_entity_passage: bestPassage.entities,
    best_year_passage_missing: bestPassage.yearMissing ? 1 : 0,
    // The chosen sentence states years, none of them the question's.
    year_conflict:
      bestPassage.years.length &&
      stated.length &&
      !stated.some((y) => bestPassage.years.includes(y))
        ? 1
        : 0,
    // Some candidate's passage speaks of every name and year asked, and the sentence states what is asked.
    best_focus_sentence: bestPassage.focus,
    // Some sentence names what is counted and states a figure, in a passage on the asked names.
    measure_stated: candidates.some((c) => {
      const p = ctx.passage(c);
      return p.entities >= 1 && p.focus > 0 && (!ctx.numeric || c.x[F.kind]! === 1);
    })
      ? 1
      : 0,
    constrained_passage: candidates.some((c) => {
      const p = ctx.passage(c);
      return p.entities >= 1 && !p.yearMissing && (!ctx.numeric || c.x[F.kind]! === 1);
    })
      ? 1
      : 0,
    unmet_two: 0,
    // The chosen sentence states a figure next to what is counted (1 when the question counts nothing).
    focus_bound: bestPassage.bound ? 1 : 0,
  };
  // One unmet request is common in answerable questions (a paraphrase the sentence words
  // differently); two at once rarely are. A linear model cannot say so from the parts alone.
  const unmet = [
    values.best_entity_passage < 1,
    values.best_focus < 0.5,
    values.year_conflict > 0,
    values.best_year_passage_missing > 0,
    values.numeric_unmet > 0,
  ].filter(Boolean).length;
  values.unmet_two = unmet >= 2 ? 1 : 0;
  return ANSWERABLE_FEATURES.map((k) => values[k]);
}

/** The fitted probability that an answer exists, from answerability features. */
export const answerability = (model: LinearModel, x: readonly number[]): number =>
  1 / (1 + Math.exp(-linearScore(model, x)));
