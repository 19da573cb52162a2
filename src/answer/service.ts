import type { Chunk } from "../chunks/types.js";
import type { Embedder } from "../embed/types.js";
import { linearScore, sigmoid } from "../learn/linear.js";
import type { Weights } from "../learn/weights.js";
import type { Translator } from "../lexicon/types.js";
import { analyseQuestion } from "../question/analyse.js";
import type { Turn } from "../question/followup.js";
import { findEntities } from "../question/entities.js";
import { askingSentences } from "../question/parts.js";
import { createSourceIndex, type SourceDescription } from "../question/sources.js";
import type { QuestionAnalysis } from "../question/types.js";
import {
  DENSE_FEATURES,
  questionFacts,
  statesYear,
  type QuestionFacts,
} from "../retrieve/features.js";
import {
  containsNumber,
  coverage,
  entityForms,
  entityNamed,
  hanNamed,
  unknownName,
  unknownShare,
  figureBound,
} from "../retrieve/match.js";
import {
  interleave,
  passageCandidates,
  rankPassages,
  type PassageCandidate,
  type RetrievalContext,
} from "../retrieve/retriever.js";
import type { Hit } from "../retrieve/types.js";
import { createChunkViews, viewOf, type TextView } from "../retrieve/views.js";
import { documentFrequency } from "../retrieve/lexical-index.js";
import { memoize } from "../text/memo.js";
import type { LoadedIndex } from "../store/index-data.js";
import { answerFromTables } from "../tables/answer.js";
import type { Table } from "../tables/types.js";
import type { TableVocabulary } from "../tables/vocabulary.js";
import { matchForm } from "../text/fold.js";
import {
  ANSWERABLE_FEATURES,
  answerability,
  answerabilityFeatures,
  type AnswerabilityContext,
  type PassageStanding,
} from "./abstain.js";
import { abstention, chooseSentences, citeSentences } from "./extractive.js";
import { sentenceCandidates, type SentenceCandidate } from "./features.js";
import { answerFromCell, type TableRef } from "./table-answer.js";
import type { Answer } from "./types.js";

/** Everything a loaded service holds; built once by the CLI and injected into the HTTP app. */
export interface QaDeps {
  index: LoadedIndex;
  embedder: Embedder;
  translator: Translator | null;
  /** Raw text of each corpus file by source path. */
  rawTexts: ReadonlyMap<string, string>;
  title: (docId: string) => string;
  /** What identifies each document (authors, titles, journal, year), so questions can point at a source. */
  sources?: readonly SourceDescription[];
  /** Extracted tables; numeric questions a cell answers are answered from them. */
  tables?: readonly Table[];
  /** The corpus's places and header concepts, for matching questions to table rows and columns. */
  tableVocabulary: TableVocabulary;
  /** The fitted ranking, answering and abstention weights. */
  weights: Weights;
}

export interface AskInput {
  question: string;
  history?: Turn[];
  k?: number;
  /** Aborted when the asker has gone (the client disconnected); answering then stops with its reason. */
  signal?: AbortSignal;
}

/** A passage as returned by the API. */
export interface PassageOut {
  id: string;
  docId: string;
  source: string;
  start: number;
  end: number;
  text: string;
  score: number;
  section: string | null;
}

export const toPassage = (h: Hit): PassageOut => ({
  id: h.chunk.id,
  docId: h.chunk.docId,
  source: h.chunk.source,
  start: h.chunk.start,
  end: h.chunk.end,
  text: h.chunk.display ?? h.chunk.text,
  score: Math.round(h.score * 1e6) / 1e6,
  section: h.chunk.section,
});

/** One question (or one part of a compound question) analysed, with its candidate passages. */
export interface Stage {
  analysis: QuestionAnalysis;
  facts: QuestionFacts;
  candidates: PassageCandidate[];
}

/**
 * A question's stages: the whole question, its parts when it is compound, and the parts asked again
 * with the names the other parts' answers introduce (see `bridge`).
 */
export interface Staged {
  whole: Stage;
  parts: Stage[];
  bridges: Stage[];
  history: readonly Turn[];
  /** The question's other readings (a follow-up swapping one of several names), each staged. */
  readings: Staged[];
}

/** What `ask` returns: the answer, the passages shown, and the fitted probability that it answers. */
export type AskResult = Answer & {
  passages: PassageOut[];
  hits: Hit[];
  table?: TableRef;
  /** The fitted probability that the corpus answers the question (1 for a table cell). */
  probability: number;
  /** The answerability features behind `probability` (empty for a table cell). */
  features: number[];
};

/** Whether the fitted ranking gives the dense encoder any say (else questions are not embedded). */
export const usesDense = (weights: Weights): boolean =>
  DENSE_FEATURES.some((f) => weights.passage.weights[weights.passage.features.indexOf(f)] !== 0);

/** Passages shown with an answer, at least. */
const MIN_PASSAGES = 5;
/** Where the support of an answer's best sentence sits among its answerability features. */
const SUPPORT = ANSWERABLE_FEATURES.indexOf("support");

/**
 * The question-answering pipeline: question analysis → candidate passages with named features →
 * fitted ranking (part by part for compound questions) → table cell or fitted sentence choice →
 * verified citations, or an abstention when the fitted answer probability is too low.
 *
 * @example
 *   const qa = createQaService(deps);
 *   const { answer, passages } = await qa.ask({ question: "Where is ZGC?" });
 */
export function createQaService(deps: QaDeps) {
  // Stored by the build when it could be; analysed here otherwise (an older index, the Worker).
  const views = deps.index.views ?? createChunkViews(deps.index.chunks, deps.tables ?? []);
  // Names the corpus never uses, or uses only inside organisations' names (法國 of 法國興業銀行): no
  // passage speaks of them, so a passage must be checked for them.
  const onlyInNames = memoize((key: string) => {
    const { han, latin } = entityForms({ name: "", forms: key.split("\n"), known: false });
    return (
      han.length > 0 &&
      !latin.some((t) => t.every((x) => documentFrequency(deps.index.lexical, x) > 0)) &&
      !views.some((v) => han.some((f) => hanNamed(v.folded, f)))
    );
  }, 10_000);
  const unusedName = (forms: readonly string[]) =>
    unknownName(forms, deps.index.lexical) || onlyInNames(forms.join("\n"));
  const sources = createSourceIndex(deps.sources ?? []);
  const ctx: RetrievalContext = {
    index: deps.index,
    views,
    embedder: deps.embedder,
    translator: deps.translator,
  };
  const byId = new Map<string, number>(deps.index.chunks.map((c, i) => [c.id, i]));
  // What identifies each document (authors, journal, titles, year), as a text to match names in.
  const documentViews = new Map<string, TextView & { years: string[] }>();
  const documentView = (docId: string) => {
    let v = documentViews.get(docId);
    if (!v) {
      const d = deps.sources?.find((x) => x.docId === docId);
      const year = d?.year ? [String(d.year)] : [];
      const text = [deps.title(docId), ...(d?.names ?? []), ...(d?.titles ?? []), ...year];
      v = { ...viewOf(text.join(" ")), years: year };
      documentViews.set(docId, v);
    }
    return v;
  };
  const analyse = (question: string, history: readonly Turn[] = [], reading = 0) =>
    analyseQuestion(
      question,
      history,
      {
        translator: deps.translator,
        sources,
        unusedName,
      },
      reading,
    );

  async function stage(analysis: QuestionAnalysis, dense: boolean): Promise<Stage> {
    const facts = questionFacts(analysis, deps.index.lexical);
    return { analysis, facts, candidates: await passageCandidates(ctx, analysis, facts, dense) };
  }

  /**
   * Analyses a question (and its parts) and scores every candidate passage's features; `dense`
   * false skips the encoder (for weights that give the dense features no say).
   */
  async function prepare(
    question: string,
    history: readonly Turn[] = [],
    dense = true,
    reading = 0,
  ): Promise<Staged> {
    const analysis = analyse(question, history, reading);
    const parts = analysis.parts.length >= 2 ? analysis.parts.map((p) => analyse(p, history)) : [];
    const [whole, ...rest] = await Promise.all([analysis, ...parts].map((a) => stage(a, dense)));
    const readings = await Promise.all(
      analysis.readings.map((_, i) => prepare(question, history, dense, i + 1)),
    );
    return { whole: whole!, parts: rest, bridges: [], history, readings };
  }

  /**
   * A compound question's parts often lead to each other: "a scheme succeeded plan X … in which year
   * did it begin, by survey Y?" can only find Y's passage by the scheme's name, which the first
   * part's answer gives. Each part is asked again — its asking sentences without the set-up — with
   * the names that the other parts' best sentences hold and the question does not.
   */
  async function bridge(staged: Staged, weights: Weights, dense: boolean): Promise<Staged> {
    if (staged.parts.length < 2) return staged;
    const ranked = rank(staged, weights);
    const perPart = sentencesOf(staged, ranked, weights);
    const choice = chooseSentences(weights.sentence, perPart);
    const asked = matchForm(staged.whole.analysis.text);
    const names = choice.parts.map((p, i) => {
      const best = perPart[i]?.[p.best];
      if (!best) return [];
      return findEntities(best.sentence.text, deps.translator)
        .filter((e) => !e.forms.some((f) => asked.includes(f)))
        .map((e) => e.name);
    });
    const texts = staged.parts.flatMap((p, j) => {
      const others = [...new Set(names.filter((_, i) => i !== j).flat())];
      return others.length ? [`${askingSentences(p.analysis.question)} ${others.join(", ")}`] : [];
    });
    const bridges = await Promise.all(texts.map((t) => stage(analyse(t, staged.history), dense)));
    return { ...staged, bridges };
  }

  /** Ranked passages of each stage, and the merged ranking shown to the user. */
  function rank(staged: Staged, weights: Weights) {
    const whole = rankPassages(deps.index, staged.whole.candidates, weights.passage);
    const parts = staged.parts.map((p) => rankPassages(deps.index, p.candidates, weights.passage));
    const bridges = staged.bridges.map((p) =>
      rankPassages(deps.index, p.candidates, weights.passage),
    );
    const merged = parts.length
      ? interleave([whole, ...parts, ...bridges], Math.max(20, weights.passagesRead * 2))
      : whole;
    return { whole, parts, merged };
  }

  /** Answer-sentence candidates of each part (the whole question when it has none). */
  function sentencesOf(
    staged: Staged,
    ranked: ReturnType<typeof rank>,
    weights: Weights,
  ): SentenceCandidate[][] {
    const n = weights.passagesRead;
    if (!staged.parts.length)
      return [sentenceCandidates(staged.whole.facts, ranked.whole.slice(0, n), views)];
    return staged.parts.map((p, i) =>
      sentenceCandidates(p.facts, ranked.parts[i]!.slice(0, n), views, staged.whole.facts),
    );
  }

  /** The passage of `docId` that contains raw offset `at` (table citations point into passages too). */
  const passageAt = (docId: string, at: number) =>
    deps.index.chunks.find((c) => c.docId === docId && c.start <= at && at < c.end);

  function fromTable(analysis: QuestionAnalysis, hits: Hit[], k: number) {
    const numeric =
      analysis.asks === "quantity" || analysis.asks === "share" || analysis.compare !== null;
    if (!numeric || !deps.tables?.length) return null;
    const found = answerFromTables(
      deps.tables,
      {
        text: analysis.text,
        context: analysis.followUp === "continues" ? analysis.context : "",
        numeric,
        compare: analysis.compare,
      },
      deps.tableVocabulary,
    );
    const raw = found ? deps.rawTexts.get(found.table.source) : undefined;
    const cell =
      found && raw
        ? answerFromCell(found, raw, deps.title(found.table.docId), analysis.lang)
        : null;
    if (!cell) return null;
    const citations = cell.citations.map((c) => ({
      ...c,
      passageId: passageAt(c.docId, c.start)?.id ?? "",
    }));
    // The passage holding the cited row goes first, so the evidence is among the ranked passages;
    // then passages whose prose quotes the same figure ("… to only 8.3% in 2007") corroborate it.
    const row = passageAt(citations[0]!.docId, citations[0]!.start);
    const figure = cell.table.value === null ? "" : String(cell.table.value);
    const quoting = /\d/u.test(figure)
      ? hits.filter(
          (h) => h.chunk.kind !== "table" && containsNumber(matchForm(h.chunk.text), figure),
        )
      : [];
    const first: Hit[] = [
      ...(row ? [{ index: byId.get(row.id)!, chunk: row, score: hits[0]?.score ?? 0 }] : []),
      ...quoting,
    ];
    const ids = new Set(first.map((h) => h.chunk.id));
    const passages = [...first, ...hits.filter((h) => !ids.has(h.chunk.id))].slice(
      0,
      Math.max(k, MIN_PASSAGES),
    );
    return { answer: cell.answer, abstained: false, citations, passages, table: cell.table };
  }

  /**
   * Answers a prepared question with the given weights; of a follow-up's readings, the one whose
   * best sentence the fitted support model finds likeliest to answer (a table cell first).
   */
  function answerStaged(staged: Staged, k: number, weights: Weights): AskResult {
    const first = answerReading(staged, k, weights);
    if (!staged.readings.length) return first;
    const supportOf = (r: AskResult) =>
      r.features.length ? r.features[SUPPORT]! : r.table ? 1 : 0;
    return staged.readings
      .map((r) => answerReading(r, k, weights))
      .reduce((best, r) => (supportOf(r) > supportOf(best) ? r : best), first);
  }

  function answerReading(staged: Staged, k: number, weights: Weights): AskResult {
    const ranked = rank(staged, weights);
    const hits = ranked.merged;
    const table = fromTable(staged.whole.analysis, hits, k);
    if (table)
      return {
        ...table,
        passages: table.passages.map(toPassage),
        hits,
        probability: 1,
        features: [],
      };
    const passages = hits.slice(0, Math.max(k, MIN_PASSAGES)).map(toPassage);
    const perPart = sentencesOf(staged, ranked, weights);
    const choice = chooseSentences(weights.sentence, perPart, weights.secondRatio);
    const a = staged.whole.analysis;
    const facts = staged.whole.facts;
    const context: Omit<AnswerabilityContext, "support" | "passage"> = {
      unknownWords: unknownShare(facts.own, facts.ownIdf, deps.index.lexical),
      unknownEntities: a.entities.length
        ? a.entities.filter((e) => unknownName(e.forms, deps.index.lexical)).length /
          a.entities.length
        : 0,
      numeric: a.asks === "quantity" || a.asks === "share" || a.asks === "date",
      parts: perPart.length,
      hasEntities: a.entities.length > 0,
      hasFocus: a.focus.length > 0,
      hasYears: a.years.length > 0,
      years: a.years,
    };
    // A candidate's passage, with its section heading and what identifies its document (authors,
    // titles, year), on the names and years asked (each part's own, or the whole question's): a name
    // or year that identifies the document ("Chen (2014) says …") is accounted for by it.
    const passageOf = (facts: QuestionFacts) => {
      const seen = new Map<SentenceCandidate, PassageStanding>();
      return (c: SentenceCandidate) => {
        let found = seen.get(c);
        if (!found) {
          const view = views[c.hit.index]!;
          const doc = documentView(c.hit.chunk.docId);
          const years = facts.analysis.years.filter((y) => !doc.years.includes(y));
          // Gazetteer names, and names the corpus never uses: other capitalised words read as names
          // are as often adjectives, parts of a name or a source's authors; and a name with no form
          // in the passage's script cannot be checked there.
          const checkable = facts.entities.filter((e, i) => {
            const entity = facts.analysis.entities[i];
            if (entity && !entity.known) return unusedName(entity.forms);
            return c.hit.chunk.lang === "zh" ? e.han.length : e.latin.length;
          });
          const named = checkable.filter(
            (e) => entityNamed(view, e) || entityNamed(view.section, e) || entityNamed(doc, e),
          );
          found = {
            entities: checkable.length ? named.length / checkable.length : 1,
            years,
            yearMissing: years.length > 0 && !years.some((y) => statesYear(view.folded, y)),
            focus: facts.focus.length ? coverage(c.sentence, facts.focus, facts.focusIdf, true) : 1,
            bound: !facts.focus.length || figureBound(c.sentence, facts.focus),
          };
          seen.set(c, found);
        }
        return found;
      };
    };
    // The best-supported part decides: a compound question is answered when some part is.
    let probability = 0;
    let features: number[] = [];
    choice.parts.forEach((p, i) => {
      const support = Math.max(
        0,
        ...perPart[i]!.map((c) => sigmoid(linearScore(weights.support, c.x))),
      );
      const x = answerabilityFeatures(perPart[i]!, p.scores, p.best, {
        ...context,
        support,
        passage: passageOf(staged.parts[i]?.facts ?? facts),
      });
      const q = answerability(weights.answerable, x);
      if (i === 0 || q > probability) [probability, features] = [q, x];
    });
    const answer =
      choice.chosen.length && probability >= weights.abstain.threshold
        ? citeSentences(
            choice.chosen,
            { raw: (s) => deps.rawTexts.get(s), title: deps.title },
            a.lang,
            a.script,
          )
        : abstention(a.lang, a.script);
    return { ...answer, passages, hits, probability, features };
  }

  async function ask(input: AskInput, weights: Weights = deps.weights): Promise<AskResult> {
    input.signal?.throwIfAborted();
    const dense = usesDense(weights);
    const staged = await bridge(
      await prepare(input.question, input.history, dense),
      weights,
      dense,
    );
    // Between retrieval and answering, a client that has gone is noticed (its cancel arrives
    // as an event, so the event loop is given one turn).
    if (input.signal) await checkpoint(input.signal);
    return answerStaged(staged, input.k ?? 8, weights);
  }

  return {
    ask,
    /** The stages, exposed for training and inspection (`npm run train`). */
    inspect: {
      analyse,
      prepare,
      bridge,
      rank,
      sentencesOf,
      answerStaged,
      views,
      chunk: (index: number) => deps.index.chunks[index]!,
    },
    search: async (question: string, k: number) => {
      const dense = usesDense(deps.weights);
      const staged = await bridge(await prepare(question, [], dense), deps.weights, dense);
      return rank(staged, deps.weights).merged.slice(0, k);
    },
    passageIdsOf: (docId: string): string[] =>
      deps.index.chunks.filter((c) => c.docId === docId).map((c) => c.id),
    passage(id: string): { chunk: Chunk; previous: Chunk | null; next: Chunk | null } | null {
      const i = byId.get(id);
      if (i === undefined) return null;
      const chunk = deps.index.chunks[i]!;
      const same = (c: Chunk | undefined) => (c && c.docId === chunk.docId ? c : null);
      return {
        chunk,
        previous: same(deps.index.chunks[i - 1]),
        next: same(deps.index.chunks[i + 1]),
      };
    },
  };
}
export type QaService = ReturnType<typeof createQaService>;

/** Gives the event loop one turn, then throws if `signal` was aborted meanwhile. */
async function checkpoint(signal: AbortSignal): Promise<void> {
  const turn = globalThis.setImmediate ?? ((f: () => void) => setTimeout(f, 0));
  await new Promise<void>((resolve) => turn(() => resolve()));
  signal.throwIfAborted();
}
