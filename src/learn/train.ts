import { ANSWERABLE_FEATURES, ANSWERABLE_SIGNS, answerability } from "../answer/abstain.js";
import { SENTENCE_FEATURES, type SentenceCandidate } from "../answer/features.js";
import type { QaService, Staged } from "../answer/service.js";
import type { Turn } from "../question/followup.js";
import { answerMatches, covers, scoreItem, type ItemScore, type Returned } from "../eval/score.js";
import type { EvalItem } from "../eval/set.js";
import { PASSAGE_FEATURES } from "../retrieve/features.js";
import { groupFolds } from "./folds.js";
import { fitConditionalLogit, fitLogistic, type Group } from "./logistic.js";
import type { LinearModel } from "./linear.js";
import type { Weights } from "./weights.js";

/** Settings of a training run. */
export interface TrainOptions {
  folds: number;
  /** Largest share of answerable questions the abstention threshold may withhold (out of fold). */
  maxWrongAbstain: number;
  passagesRead: number;
  l2: number;
  seed: number;
  /** Fixes the runner-up ratio instead of choosing it from {@link SECOND_RATIOS}. */
  secondRatio?: number;
  /** Passage features the ranking may not use (fitted with weight 0), e.g. the dense encoder's. */
  exclude?: readonly string[];
  /**
   * Near-miss questions made from labelled answerable ones ({@link nearMisses}): extra unanswerable
   * rows for the answerability model only, each in the fold of the question it came from, weighted
   * `nearMissWeight` each.
   */
  nearMisses?: readonly (Prepared & { origin: string })[];
  nearMissWeight?: number;
  log?: (message: string) => void;
}
export const DEFAULT_TRAIN: TrainOptions = {
  folds: 5,
  maxWrongAbstain: 0.04,
  passagesRead: 8,
  l2: 1,
  seed: 1,
};

/** Runner-up ratios tried, from never quoting a second sentence (1) to quoting one a tenth as likely. */
export const SECOND_RATIOS = [1, 0.5, 0.25, 0.1] as const;

/** One labelled question prepared for training. */
export interface Prepared {
  item: EvalItem;
  staged: Staged;
  history: Turn[];
}

/** The result of a training run: the final weights and the out-of-fold evaluation. */
export interface TrainResult {
  weights: Weights;
  /** Each question scored by models that never saw it. */
  outOfFold: ItemScore[];
  /** Out-of-fold answer probability of each question. */
  probabilities: Map<string, number>;
  /** Each question's out-of-fold response (before abstention), for inspection. */
  responses: Map<string, Returned & { probability: number }>;
}

/**
 * Analyses every labelled question (and its parts) and computes its candidates' features once, for
 * any number of cross-validation runs.
 *
 * @example
 *   const prepared = await prepareQuestions(qa, items);
 */
export async function prepareQuestions(
  qa: QaService,
  items: readonly EvalItem[],
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const item of items) {
    // Earlier turns are played through the service as a client would, so follow-ups see real answers.
    const history: Turn[] = [];
    for (const q of item.asked.slice(0, -1)) {
      const r = await qa.ask({ question: q, history });
      history.push({ role: "user", content: q }, { role: "assistant", content: r.answer });
    }
    prepared.push({ item, history, staged: await qa.inspect.prepare(item.asked.at(-1)!, history) });
  }
  return prepared;
}

/**
 * Fits the passage ranker, the answer-sentence model and the answerability model with its
 * abstention threshold on prepared questions, with k-fold cross-validation grouped by question, and
 * scores every question with the models of the fold that held it out.
 *
 * @example
 *   const { weights, outOfFold } = await train(qa, await prepareQuestions(qa, items), texts, { folds: 5 });
 */
export async function train(
  qa: QaService,
  prepared: readonly Prepared[],
  texts: ReadonlyMap<string, string>,
  options: Partial<TrainOptions> = {},
): Promise<TrainResult> {
  const o = { ...DEFAULT_TRAIN, ...options };
  const log = o.log ?? (() => {});
  const fold = groupFolds(
    prepared.map((p) => ({ id: p.item.id, stratum: p.item.type })),
    o.folds,
    o.seed,
  );
  const origin = new Map((o.nearMisses ?? []).map((n) => [n.item.id, n.origin]));
  const foldOf = (p: Prepared) => fold.get(origin.get(p.item.id) ?? p.item.id)!;
  const misses = o.nearMisses ?? [];
  const missWeight = o.nearMissWeight ?? 0;
  const perFold = <T>(fit: (ps: readonly Prepared[]) => T): T[] =>
    range(o.folds).map((f) => fit(prepared.filter((p) => foldOf(p) !== f)));
  const answerable = (p: Prepared) => p.item.type !== "unanswerable";
  let secondRatio = 1;
  const weightsOf = (
    m: Partial<Pick<Weights, "passage" | "sentence" | "support" | "answerable">>,
    threshold = 0,
  ): Weights => ({
    version: 1,
    trainedAt: new Date().toISOString(),
    data: { sets: [], questions: prepared.length, folds: o.folds },
    passage: m.passage ?? zero(PASSAGE_FEATURES),
    sentence: m.sentence ?? zero(SENTENCE_FEATURES),
    support: m.support ?? zero(SENTENCE_FEATURES),
    answerable: m.answerable ?? zero(ANSWERABLE_FEATURES),
    abstain: { threshold },
    passagesRead: o.passagesRead,
    secondRatio,
  });

  // 1. Passage ranking, listwise: a candidate is right when it holds at least half of a gold span.
  const fitPassage = (ps: readonly Prepared[]) =>
    fitConditionalLogit(
      PASSAGE_FEATURES,
      ps.flatMap((p) =>
        [p.staged.whole, ...p.staged.parts].map((s) => ({
          rows: s.candidates.map((c) => c.x),
          labels: s.candidates.map((c) =>
            p.item.gold.some((g) => covers(qa.inspect.chunk(c.index), g)) ? 1 : 0,
          ),
        })),
      ),
      { l2: o.l2, exclude: o.exclude ?? [] },
    );
  const passage = perFold(fitPassage);
  log("fitted passage ranking");

  // 2. Answer sentences, read from each question's out-of-fold ranking: which candidate answers
  // (listwise), and how likely any candidate answers at all (pointwise, across questions).
  const groups = new Map(
    prepared.map((p) => {
      const w = weightsOf({ passage: passage[foldOf(p)]! });
      const perPart = qa.inspect.sentencesOf(p.staged, qa.inspect.rank(p.staged, w), w);
      return [p.item.id, perPart.map((cands) => labelSentences(cands, p.item))] as const;
    }),
  );
  const groupsOf = (ps: readonly Prepared[]) => ps.flatMap((p) => groups.get(p.item.id) ?? []);
  const fitSentence = (ps: readonly Prepared[]) =>
    fitConditionalLogit(SENTENCE_FEATURES, groupsOf(ps), { l2: o.l2 });
  const fitSupport = (ps: readonly Prepared[]) => {
    const gs = groupsOf(ps);
    return fitLogistic(
      SENTENCE_FEATURES,
      gs.flatMap((g) => g.rows),
      gs.flatMap((g) => g.labels),
      { l2: o.l2 },
    );
  };
  const sentence = perFold(fitSentence);
  const support = perFold(fitSupport);
  const foldWeights = (p: Prepared, answerableModel?: Weights["answerable"]) => {
    const f = foldOf(p);
    return weightsOf({
      passage: passage[f]!,
      sentence: sentence[f]!,
      support: support[f]!,
      ...(answerableModel ? { answerable: answerableModel } : {}),
    });
  };
  log("fitted answer sentences");

  // Compound questions' parts asked again with the names the other parts' answers introduce, by
  // the models of the fold that holds the question out.
  const bridged = new Map(
    await Promise.all(
      [...prepared, ...misses]
        .filter((p) => p.staged.parts.length >= 2)
        .map(
          async (p) =>
            [p.item.id, await qa.inspect.bridge(p.staged, foldWeights(p), true)] as const,
        ),
    ),
  );
  const stagedOf = (p: Prepared) => bridged.get(p.item.id) ?? p.staged;

  // 3. When to quote a runner-up sentence too: the ratio with the best out-of-fold accuracy (the
  // fewer sentences on a tie).
  const correctWith = (ratio: number) => {
    secondRatio = ratio;
    return prepared.filter(
      (p) =>
        answerable(p) &&
        answerMatches(qa.inspect.answerStaged(stagedOf(p), 8, foldWeights(p)).answer, p.item),
    ).length;
  };
  const ratios = o.secondRatio === undefined ? SECOND_RATIOS : [o.secondRatio];
  const correct = ratios.map(correctWith);
  secondRatio = ratios[correct.indexOf(Math.max(...correct))]!;
  log(
    `runner-up quoted within ${secondRatio} of the best (${ratios.map((r, i) => `${r}: ${correct[i]}`).join(", ")} right)`,
  );

  // 4. Out-of-fold answers and their answerability features; the model learns which questions
  // the corpus answers.
  const responses = new Map(
    [...prepared, ...(missWeight > 0 ? misses : [])].map(
      (p) => [p.item.id, qa.inspect.answerStaged(stagedOf(p), 8, foldWeights(p))] as const,
    ),
  );
  const inFolds = new Set(prepared.map((p) => p.item.id));
  const fitAnswerable = (ps: readonly Prepared[]) => {
    const kept = new Set(ps.map((p) => foldOf(p)));
    const extra = missWeight > 0 ? misses.filter((m) => kept.has(foldOf(m))) : [];
    const rows = [...ps, ...extra].filter((p) => responses.get(p.item.id)!.features.length);
    return fitLogistic(
      ANSWERABLE_FEATURES,
      rows.map((p) => responses.get(p.item.id)!.features),
      rows.map((p) => (answerable(p) ? 1 : 0)),
      {
        l2: o.l2,
        signs: ANSWERABLE_FEATURES.map((f) => ANSWERABLE_SIGNS[f]),
        rowWeights: rows.map((p) => (inFolds.has(p.item.id) ? 1 : missWeight)),
      },
    );
  };
  const answerableFolds = perFold(fitAnswerable);
  const probabilities = new Map(
    [...prepared, ...(missWeight > 0 ? misses : [])].map((p) => {
      const x = responses.get(p.item.id)!.features;
      return [p.item.id, x.length ? answerability(answerableFolds[foldOf(p)]!, x) : 1] as const;
    }),
  );
  log("fitted answerability");

  // 5. The threshold of each fold is chosen on the other folds' out-of-fold probabilities.
  const thresholdFor = (ps: readonly Prepared[]) =>
    chooseThreshold(
      ps.map((p) => ({ p: probabilities.get(p.item.id)!, answerable: answerable(p) })),
      o.maxWrongAbstain,
    );
  const outOfFold = prepared.map((p) => {
    const t = thresholdFor(prepared.filter((q) => foldOf(q) !== foldOf(p)));
    const r = responses.get(p.item.id)!;
    const withheld = probabilities.get(p.item.id)! < t || r.abstained;
    const returned: Returned = withheld
      ? { answer: "", abstained: true, citations: [], passages: r.passages }
      : r;
    return scoreItem(p.item, returned, texts);
  });

  const weights = weightsOf(
    {
      passage: fitPassage(prepared),
      sentence: fitSentence(prepared),
      support: fitSupport(prepared),
      answerable: fitAnswerable(prepared),
    },
    thresholdFor(prepared),
  );
  return {
    weights,
    outOfFold,
    probabilities,
    responses: new Map(
      [...responses].map(([id, r]) => [id, { ...r, probability: probabilities.get(id)! }]),
    ),
  };
}

const zero = (names: readonly string[]): LinearModel => ({
  features: [...names],
  mean: names.map(() => 0),
  scale: names.map(() => 1),
  weights: names.map(() => 0),
  bias: 0,
});

/**
 * Labels answer candidates: a sentence that overlaps the gold evidence and states the gold answer;
 * when no candidate states it (a paraphrased answer), any sentence overlapping the evidence.
 */
function labelSentences(cands: readonly SentenceCandidate[], item: EvalItem): Group {
  const overlapping = cands.map((c) => {
    const s = c.sentence;
    return item.gold.some(
      (g) => g.source === c.hit.chunk.source && s.rawStart < g.end && g.start < s.rawEnd,
    );
  });
  const stating = cands.map((c, i) => {
    if (!overlapping[i]) return false;
    const text = c.sentence.text;
    return (
      answerMatches(text, item) ||
      (item.parts ?? []).some((forms) =>
        answerMatches(text, { answer: forms[0] ?? "", aliases: forms, parts: null }),
      )
    );
  });
  const positive = stating.some(Boolean) ? stating : overlapping;
  return { rows: cands.map((c) => c.x), labels: positive.map((y) => (y ? 1 : 0)) };
}

/**
 * The abstention threshold: as many unanswerable questions caught as withholding at most `maxWrong`
 * of the answerable questions' answers allows, with the boundary midway between the most probable
 * question withheld (unanswerable, or answerable within the limit) and the least probable answer kept.
 *
 * @example
 *   chooseThreshold([{ p: 0.9, answerable: true }, { p: 0.1, answerable: false }], 0.05) // → 0.5
 */
export function chooseThreshold(
  rows: ReadonlyArray<{ p: number; answerable: boolean }>,
  maxWrong: number,
): number {
  const answerable = rows
    .filter((r) => r.answerable)
    .map((r) => r.p)
    .sort((a, b) => a - b);
  if (!answerable.length) return 0;
  // Withholding the `allowed` least probable answerable questions is within the limit.
  const allowed = Math.floor(maxWrong * answerable.length);
  const above = answerable[allowed]!;
  const withheld = [
    allowed > 0 ? answerable[allowed - 1]! : 0,
    ...rows.filter((r) => !r.answerable && r.p < above).map((r) => r.p),
  ];
  return (Math.max(...withheld) + above) / 2;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
