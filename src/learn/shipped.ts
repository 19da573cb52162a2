import fitted from "./weights.json" with { type: "json" };
import { parseWeights, type Weights } from "./weights.js";

/**
 * The weights shipped with the code (`src/learn/weights.json`, written by `npm run train`).
 *
 * @example
 *   const weights = shippedWeights();
 */
export const shippedWeights = (): Weights => parseWeights(fitted);
