import { z } from "zod";
import { ANSWERABLE_FEATURES } from "../answer/abstain.js";
import { SENTENCE_FEATURES } from "../answer/features.js";
import { PASSAGE_FEATURES } from "../retrieve/features.js";
import { assertFeatures, LinearModelSchema, type LinearModel } from "./linear.js";

/**
 * The fitted combination of the named features (written by `npm run train`): how passages are
 * ranked, how answer sentences are chosen, and the answer probability below which the service
 * abstains. Versioned: the server refuses weights fitted on other features.
 */
export const WeightsSchema = z.object({
  version: z.literal(1),
  trainedAt: z.string(),
  /** What the weights were fitted on: question sets and counts. */
  data: z.object({
    sets: z.array(z.string()),
    questions: z.number().int(),
    folds: z.number().int(),
  }),
  passage: LinearModelSchema,
  sentence: LinearModelSchema,
  /** How likely a sentence answers its question, comparable across questions (pointwise). */
  support: LinearModelSchema,
  /** The probability that the corpus answers the question, from the chosen answer's features. */
  answerable: LinearModelSchema,
  /** Answers whose probability is below `threshold` are withheld (`abstained: true`). */
  abstain: z.object({ threshold: z.number().min(0).max(1) }),
  /** How many top passages the answerer reads sentences from. */
  passagesRead: z.number().int().positive(),
  /**
   * A runner-up sentence is quoted too when its probability is at least this share of the best's
   * (1: never quote two for one part).
   */
  secondRatio: z.number().min(0).max(1),
});
export type Weights = z.infer<typeof WeightsSchema>;

/**
 * Validates weights and checks them against the features the code computes.
 *
 * @example
 *   const weights = parseWeights(JSON.parse(text));
 */
export function parseWeights(json: unknown): Weights {
  const r = WeightsSchema.safeParse(json);
  if (!r.success)
    throw new Error(
      `The fitted weights are invalid (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message}); run \`npm run train\`.`,
    );
  assertFeatures(r.data.passage, PASSAGE_FEATURES, "passage ranking");
  assertFeatures(r.data.sentence, SENTENCE_FEATURES, "answer sentence");
  assertFeatures(r.data.support, SENTENCE_FEATURES, "answer support");
  assertFeatures(r.data.answerable, ANSWERABLE_FEATURES, "answerability");
  return r.data;
}

/**
 * Weights that score every candidate alike: what training starts from when the shipped weights
 * were fitted on other features.
 *
 * @example
 *   const weights = neutralWeights();
 */
export function neutralWeights(): Weights {
  const zero = (names: readonly string[]) => ({
    features: [...names],
    mean: names.map(() => 0),
    scale: names.map(() => 1),
    weights: names.map(() => 0),
    bias: 0,
  });
  return {
    version: 1,
    trainedAt: "never",
    data: { sets: [], questions: 0, folds: 0 },
    passage: zero(PASSAGE_FEATURES),
    sentence: zero(SENTENCE_FEATURES),
    support: zero(SENTENCE_FEATURES),
    answerable: zero(ANSWERABLE_FEATURES),
    abstain: { threshold: 0 },
    passagesRead: 8,
    secondRatio: 1,
  };
}

/**
 * Weights fitted on other features, carried over by feature name: a feature the code no longer
 * computes is dropped, a new one gets weight 0. What training starts from when features were added
 * or removed since the shipped weights were fitted (so earlier turns of follow-ups are still
 * answered as the server answers them). Throws when the weights are invalid in any other way.
 *
 * @example
 *   const start = carriedOverWeights(JSON.parse(text));
 */
export function carriedOverWeights(json: unknown): Weights {
  const w = WeightsSchema.parse(json);
  const carry = (m: LinearModel, names: readonly string[]): LinearModel => {
    const at = names.map((n) => m.features.indexOf(n));
    return {
      features: [...names],
      mean: at.map((i) => (i < 0 ? 0 : m.mean[i]!)),
      scale: at.map((i) => (i < 0 ? 1 : m.scale[i]!)),
      weights: at.map((i) => (i < 0 ? 0 : m.weights[i]!)),
      bias: m.bias,
    };
  };
  return {
    ...w,
    passage: carry(w.passage, PASSAGE_FEATURES),
    sentence: carry(w.sentence, SENTENCE_FEATURES),
    support: carry(w.support, SENTENCE_FEATURES),
    answerable: carry(w.answerable, ANSWERABLE_FEATURES),
  };
}
