import type { QuestionAnalysis } from "../question/types.js";
import { matchForm } from "../text/fold.js";
import { kindCue } from "./cues.js";
import type { LexicalIndexData } from "./lexical-index.js";
import {
  containsNumber,
  coverage,
  coverages,
  entityForms,
  entityFound,
  passageCoverages,
  entityIdf,
  unknownWord,
  wordFound,
  wordIdf,
  type EntityForms,
} from "./match.js";
import { withoutReferences, type ChunkView, type TextView } from "./views.js";
import type { Chunk } from "../chunks/types.js";

/** The named features of a (question, passage) pair, in the order the fitted weights use. */
export const PASSAGE_FEATURES = [
  "bm25_own",
  "bm25_context",
  "bm25_names",
  "bm25_cross",
  "bm25_gloss",
  "rr_own",
  "rr_cross",
  "rr_dense",
  "dense",
  "cover_own",
  "cover_alts",
  "cover_context",
  "cover_sentence",
  "entity_share",
  "entity_none",
  "year_found",
  "year_missing",
  "numbers_found",
  "source",
  "section_cover",
  "lang_same",
  "footnote",
  "table",
  "kind_cue",
  "length",
] as const;
export type PassageFeature = (typeof PASSAGE_FEATURES)[number];

/** The features only the dense encoder gives: without weight on them, questions need no embedding. */
export const DENSE_FEATURES: readonly PassageFeature[] = ["rr_dense", "dense"];

/** Per-question facts every candidate's features are measured against, computed once. */
export interface QuestionFacts {
  analysis: QuestionAnalysis;
  own: QuestionAnalysis["words"];
  ownIdf: number[];
  context: QuestionAnalysis["words"];
  contextIdf: number[];
  entities: EntityForms[];
  /** How rare each entity is in the corpus (idf of its rarest form's tokens; unknown → rarest). */
  entityIdf: number[];
  focus: QuestionAnalysis["focus"];
  focusIdf: number[];
  /** The question's rarest words the corpus knows (its most specific constraints), with their idf. */
  rare: QuestionAnalysis["words"];
  rareIdf: number[];
  /** Numbers that are not years. */
  figures: string[];
  folded: string;
}

/** Most words counted as a question's most specific constraints. */
const RARE_WORDS = 3;

/** The question's rarest words that the corpus uses (unknown words are paraphrase, not constraint). */
function rarest(words: QuestionAnalysis["words"], lexical: LexicalIndexData) {
  const known = words
    .filter((w) => !unknownWord(w, lexical))
    .map((w) => ({ w, idf: wordIdf(w, lexical) }))
    .sort((a, b) => b.idf - a.idf)
    .slice(0, RARE_WORDS);
  return { rare: known.map((k) => k.w), rareIdf: known.map((k) => k.idf) };
}

/**
 * The per-question facts: word idfs, entity forms, figures.
 *
 * @example
 *   const facts = questionFacts(analysis, index.lexical);
 */
export function questionFacts(a: QuestionAnalysis, lexical: LexicalIndexData): QuestionFacts {
  const own = a.words.filter((w) => w.weight >= 1 || !a.context);
  const context = a.words.filter((w) => !own.includes(w));
  return {
    analysis: a,
    own,
    ownIdf: own.map((w) => wordIdf(w, lexical)),
    context,
    contextIdf: context.map((w) => wordIdf(w, lexical)),
    entities: a.entities.map(entityForms),
    entityIdf: a.entities.map((e) => entityIdf(e.forms, lexical)),
    focus: a.focus,
    focusIdf: a.focus.map((w) => wordIdf(w, lexical)),
    ...rarest(own, lexical),
    figures: a.numbers.filter((n) => !a.years.includes(n)),
    folded: matchForm(`${a.context} ${a.text}`),
  };
}

/** Raw signals of one candidate from the first-stage rankings. */
export interface RankSignals {
  bm25: Record<"own" | "context" | "names" | "cross" | "gloss", number>;
  rank: Record<"own" | "cross" | "dense", number | null>;
  dense: number;
}

/**
 * The largest idf among the question's entities that a text does not name (0 when it names them
 * all): a rare name missing (a company, an institute) says the text is about something else.
 */
export function missingEntityIdf(view: TextView, f: QuestionFacts): number {
  let worst = 0;
  f.entities.forEach((e, i) => {
    if (!entityFound(view, e)) worst = Math.max(worst, f.entityIdf[i]!);
  });
  return worst;
}

/** Share of the question's entities a text names (1 when it names none). */
export function entityShare(view: TextView, f: QuestionFacts): number {
  if (!f.entities.length) return 1;
  return f.entities.filter((e) => entityFound(view, e)).length / f.entities.length;
}

/** Whether a text states one of the question's years: 1, 0 when it names none, -1 when it asks none. */
export function yearSignal(view: TextView, f: QuestionFacts): number {
  if (!f.analysis.years.length) return -1;
  return f.analysis.years.some((y) => statesYear(view.folded, y)) ? 1 : 0;
}

/**
 * Whether a folded text states a year other than in a parenthetical reference, whose year dates a
 * source ("(Kim, 2001)", "（統計局，2011）"), not a fact.
 */
export const statesYear = (folded: string, year: string): boolean =>
  containsNumber(folded, year) && containsNumber(withoutReferences(folded), year);

/**
 * The feature vector of one passage for one question.
 *
 * @example
 *   passageFeatures(facts, chunk, view, signals, maxima, sourceStrength)
 */
export function passageFeatures(
  f: QuestionFacts,
  chunk: Chunk,
  view: ChunkView,
  s: RankSignals,
  maxima: RankSignals["bm25"],
  source: number,
): number[] {
  const a = f.analysis;
  const norm = (k: keyof RankSignals["bm25"]) => (maxima[k] > 0 ? s.bm25[k] / maxima[k] : 0);
  const rr = (r: number | null) => (r === null ? 0 : 1 / (1 + r));
  const year = yearSignal(view, f);
  const question = { numbers: a.numbers, years: a.years, folded: f.folded };
  const entities = f.entities.length ? entityShare(view, f) : 0;
  const [coverOwn, coverAlts, coverSentence] = passageCoverages(
    view,
    view.sentences,
    f.own,
    f.ownIdf,
  );
  const values: Record<PassageFeature, number> = {
    bm25_own: norm("own"),
    bm25_context: norm("context"),
    bm25_names: norm("names"),
    bm25_cross: norm("cross"),
    bm25_gloss: norm("gloss"),
    rr_own: rr(s.rank.own),
    rr_cross: rr(s.rank.cross),
    rr_dense: rr(s.rank.dense),
    dense: s.dense,
    cover_own: coverOwn,
    cover_alts: coverAlts,
    cover_context: f.context.length ? coverage(view, f.context, f.contextIdf, true) : 0,
    // The question's words together in one sentence (or table row), not spread over the passage.
    cover_sentence: coverSentence,
    entity_share: entities,
    entity_none: f.entities.length && entities === 0 ? 1 : 0,
    year_found: year === 1 ? 1 : 0,
    year_missing: year === 0 ? 1 : 0,
    numbers_found: f.figures.length
      ? f.figures.filter((n) => containsNumber(view.folded, n)).length / f.figures.length
      : 0,
    source,
    section_cover:
      f.own.filter((w) => wordFound(view.section, w, true)).length / Math.max(1, f.own.length),
    lang_same: chunk.lang === a.lang ? 1 : 0,
    footnote: chunk.kind === "footnote" ? 1 : 0,
    table: chunk.kind === "table" ? 1 : 0,
    kind_cue: view.sentences.some((sv) => kindCue(a.asks, sv, question)) ? 1 : 0,
    length: Math.log(1 + view.tokens.size),
  };
  return PASSAGE_FEATURES.map((k) => values[k]);
}
