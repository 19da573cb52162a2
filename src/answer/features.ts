import { sigmoid } from "../learn/linear.js";
import { kindCue } from "../retrieve/cues.js";
import {
  entityShare,
  missingEntityIdf,
  yearSignal,
  type QuestionFacts,
} from "../retrieve/features.js";
import { containsNumber, coverage, coverages } from "../retrieve/match.js";
import type { Hit } from "../retrieve/types.js";
import type { ChunkView, SentenceView, TextView } from "../retrieve/views.js";

/** The named features of a (question, sentence) pair, in the order the fitted weights use. */
export const SENTENCE_FEATURES = [
  "passage_p",
  "passage_rr",
  "cover_own",
  "cover_alts",
  "cover_window",
  "cover_prev",
  "cover_next",
  "cover_context",
  "cover_whole",
  "cover_rare",
  "entity_share",
  "entity_window",
  "entity_missing_idf",
  "focus",
  "year_found",
  "year_missing",
  "year_in_sentence",
  "numbers_found",
  "kind_cue",
  "kind_numeric",
  "kind_date",
  "kind_reason",
  "numeric_unmet",
  "new_words",
  "lang_same",
  "short",
  "length",
  "table",
  "footnote",
  "first",
] as const;
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];

/**
 * Longest sentence quoted as an answer: longer "sentences" are whole tables or lists that lost their
 * structure in conversion, not something a reader can take as an answer.
 */
export const MAX_QUOTE_CHARS = 600;

/** A sentence of a retrieved passage, with its feature vector. */
export interface SentenceCandidate {
  hit: Hit;
  /** Rank of its passage. */
  rank: number;
  /** The sentence (or table row) in its passage's matching view. */
  sentence: SentenceView;
  x: number[];
}

/** Each sentence's window (it with its neighbours), built once per loaded index. */
const windows = new WeakMap<SentenceView, TextView>();

const merge = (views: readonly TextView[]): TextView => ({
  tokens: new Set(views.flatMap((v) => [...v.tokens])),
  folded: views.map((v) => v.folded).join(" "),
});

/**
 * The sentences of the top passages as answer candidates, each once (overlapping passages repeat
 * sentences: the better-ranked passage keeps it), with their features. `whole` is the whole
 * question when `facts` is one part of it.
 *
 * @example
 *   const candidates = sentenceCandidates(facts, hits.slice(0, 8), views);
 */
export function sentenceCandidates(
  facts: QuestionFacts,
  hits: readonly Hit[],
  views: readonly ChunkView[],
  whole: QuestionFacts = facts,
): SentenceCandidate[] {
  const a = facts.analysis;
  const question = { numbers: a.numbers, years: a.years, folded: facts.folded };
  const numeric = a.asks === "quantity" || a.asks === "share";
  const seen = new Set<string>();
  const out: SentenceCandidate[] = [];
  hits.forEach((hit, rank) => {
    if (hit.chunk.kind === "references") return;
    const view = views[hit.index]!;
    view.sentences.forEach((s, i) => {
      const key = `${hit.chunk.source}:${s.rawStart}`;
      if (seen.has(key) || s.tokens.size < 2 || s.text.length > MAX_QUOTE_CHARS) return;
      seen.add(key);
      // A sentence is read with its neighbours; a table row with its caption and headings.
      let window = windows.get(s);
      if (!window) {
        window = s.context
          ? merge([s, s.context])
          : merge(view.sentences.slice(Math.max(0, i - 1), i + 2));
        windows.set(s, window);
      }
      const year = yearSignal(window, facts);
      const cue = kindCue(a.asks, s, question);
      const inQuestion = [...s.tokens].filter((t) => facts.folded.includes(t)).length;
      const [coverOwn, coverAlts] = coverages(s, facts.own, facts.ownIdf);
      const values: Record<SentenceFeature, number> = {
        passage_p: sigmoid(hit.score),
        passage_rr: 1 / (1 + rank),
        cover_own: coverOwn,
        cover_alts: coverAlts,
        cover_window: coverage(window, facts.own, facts.ownIdf, true),
        cover_prev: s.context
          ? coverage(s.context, facts.own, facts.ownIdf, true)
          : i > 0
            ? coverage(view.sentences[i - 1]!, facts.own, facts.ownIdf, true)
            : 0,
        cover_next:
          !s.context && i + 1 < view.sentences.length
            ? coverage(view.sentences[i + 1]!, facts.own, facts.ownIdf, true)
            : 0,
        cover_context: facts.context.length
          ? coverage(window, facts.context, facts.contextIdf, true)
          : 0,
        cover_whole: coverage(s, whole.own, whole.ownIdf, true),
        cover_rare: facts.rare.length ? coverage(window, facts.rare, facts.rareIdf, true) : 1,
        entity_share: facts.entities.length ? entityShare(s, facts) : 0,
        entity_window: facts.entities.length ? entityShare(window, facts) : 0,
        entity_missing_idf: missingEntityIdf(window, facts),
        focus: facts.focus.length ? coverage(window, facts.focus, facts.focusIdf, true) : 0,
        year_found: year === 1 ? 1 : 0,
        year_missing: year === 0 ? 1 : 0,
        year_in_sentence: yearSignal(s, facts) === 1 ? 1 : 0,
        numbers_found: facts.figures.length
          ? facts.figures.filter((n) => containsNumber(s.folded, n)).length / facts.figures.length
          : 0,
        kind_cue: cue ? 1 : 0,
        kind_numeric: numeric && cue ? 1 : 0,
        kind_date: a.asks === "date" && cue ? 1 : 0,
        kind_reason: a.asks === "reason" && cue ? 1 : 0,
        numeric_unmet: numeric && !cue ? 1 : 0,
        new_words: 1 - inQuestion / Math.max(1, s.tokens.size),
        lang_same: hit.chunk.lang === a.lang ? 1 : 0,
        short: s.tokens.size < 6 ? 1 : 0,
        length: Math.log(1 + s.text.length),
        table: hit.chunk.kind === "table" ? 1 : 0,
        footnote: hit.chunk.kind === "footnote" ? 1 : 0,
        first: i === 0 ? 1 : 0,
      };
      out.push({ hit, rank, sentence: s, x: SENTENCE_FEATURES.map((k) => values[k]) });
    });
  });
  return out;
}
