import fitted from "./weights.json" with { type: "json" };
import { carriedOverWeights, parseWeights, type Weights } from "./weights.js";

/**
 * The weights shipped with the code (`src/learn/weights.json`, written by `npm run train`).
 *
 * @example
 *   const weights = shippedWeights();
 */
export const shippedWeights = (): Weights => parseWeights(fitted);

/**
 * The shipped weights carried over to the features the code computes now, by name (training's
 * starting point when features were added or removed).
 *
 * @example
 *   const start = shippedWeightsCarriedOver();
 */
export const shippedWeightsCarriedOver = (): Weights => carriedOverWeights(fitted);
