import { z } from "zod";

/** A fitted linear model over named features: standardised inputs, weights and a bias. */
export const LinearModelSchema = z
  .object({
    features: z.array(z.string()).min(1),
    mean: z.array(z.number()),
    scale: z.array(z.number()),
    weights: z.array(z.number()),
    bias: z.number(),
  })
  .refine(
    (m) => [m.mean, m.scale, m.weights].every((a) => a.length === m.features.length),
    "mean, scale and weights must have one entry per feature",
  );
export type LinearModel = z.infer<typeof LinearModelSchema>;

/**
 * The model's logit for one feature vector (in the order of `model.features`).
 *
 * @example
 *   linearScore({ features: ["a"], mean: [0], scale: [1], weights: [2], bias: -1 }, [1]) // → 1
 */
export function linearScore(model: LinearModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++)
    z += model.weights[i]! * (((x[i] ?? 0) - model.mean[i]!) / model.scale[i]!);
  return z;
}

/** The logistic function. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Checks that a model was fitted on the features the code computes now, in the same order.
 *
 * @example
 *   assertFeatures(model, PASSAGE_FEATURES, "passage ranking")
 */
export function assertFeatures(model: LinearModel, names: readonly string[], what: string): void {
  if (model.features.join() !== names.join())
    throw new Error(
      `The fitted ${what} weights were trained on other features (${model.features.join(", ")}); run \`npm run train\`.`,
    );
}
