import type { Chunk } from "../chunks/types.js";

/** A ranked passage: `score` is the fitted ranking model's logit (higher is better). */
export interface Hit {
  index: number;
  chunk: Chunk;
  score: number;
}
