import { AppError } from "../errors.js";
import type { Embedder } from "./types.js";

/** The id of {@link noQueryEmbedder}: questions are not embedded at all. */
export const NO_EMBEDDER_ID = "none";

/**
 * The embedder of a service that never embeds questions: the fitted ranking gives the dense
 * features no weight, so retrieval is lexical and cross-lingual only (see `usesDense`). It carries
 * the index's `multilingual` flag, which shapes the lexical query terms exactly as the encoder the
 * index was built with would. Asked to embed anyway, it throws `embedder_unavailable`.
 *
 * @example
 *   const embedder = noQueryEmbedder(manifest.embedder); // { id: "none", dimension: 512, … }
 */
export function noQueryEmbedder(built: { dimension: number; multilingual: boolean }): Embedder {
  return {
    id: NO_EMBEDDER_ID,
    dimension: built.dimension,
    multilingual: built.multilingual,
    async embed(texts) {
      if (texts.length === 0) return [];
      throw new AppError(
        "embedder_unavailable",
        "This service embeds no questions: the fitted ranking was to use no dense features.",
      );
    },
  };
}
