import { usesDense } from "../answer/service.js";
import { NO_EMBEDDER_ID } from "../embed/none.js";
import type { Embedder } from "../embed/types.js";
import { AppError } from "../errors.js";
import type { Weights } from "../learn/weights.js";
import type { Manifest } from "../store/types.js";

/**
 * The rule for querying an index: questions are embedded only with the encoder that built it (same
 * id and dimension), since another encoder's vectors mean nothing against its vectors. The one
 * exception is the service that embeds no questions ({@link NO_EMBEDDER_ID}), allowed only while
 * the fitted ranking gives the dense features no weight. Throws `index_incompatible` otherwise.
 *
 * @example
 *   checkQueryEmbedder(manifest, embedder, weights); // manifest says use-lite, embedder is use-lite: fine
 *   checkQueryEmbedder(manifest, noQueryEmbedder(manifest.embedder), weights); // fine while !usesDense(weights)
 */
export function checkQueryEmbedder(manifest: Manifest, embedder: Embedder, weights: Weights): void {
  const built = manifest.embedder;
  if (embedder.id === NO_EMBEDDER_ID) {
    if (usesDense(weights))
      throw new AppError(
        "index_incompatible",
        `The fitted ranking uses dense features, so questions must be embedded with ${built.id} (${built.dimension}-d), the encoder that built the index; none is configured.`,
      );
    return;
  }
  if (built.id !== embedder.id || built.dimension !== embedder.dimension)
    throw new AppError(
      "index_incompatible",
      `The index was built with ${built.id} (${built.dimension}-d) but the server uses ${embedder.id} (${embedder.dimension}-d); rebuild with \`npm run index\` or set EMBEDDER to match.`,
    );
}
