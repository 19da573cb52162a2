import { AppError } from "../errors.js";
import type { Embedder } from "./types.js";

/** What identifies an embedder's vectors: an index built by one is only searchable by the same. */
export type EmbedderIdentity = Pick<Embedder, "id" | "dimension" | "multilingual">;

/**
 * An embedder known by its identity that loads its model only when first asked to embed. A server
 * whose fitted ranking gives the dense features no say never embeds a question, so its answering
 * workers need not hold the model (about 100 MB each). A failed load is tried again on the next
 * call; a model that loads with another identity is refused.
 *
 * @example
 *   const embedder = deferredEmbedder({ id: "use-lite", dimension: 512, multilingual: false }, () => createUseLiteEmbedder());
 *   embedder.id // → "use-lite", nothing loaded yet
 */
export function deferredEmbedder(
  identity: EmbedderIdentity,
  load: () => Promise<Embedder>,
): Embedder {
  let loading: Promise<Embedder> | null = null;
  const loaded = async (): Promise<Embedder> => {
    const embedder = await load();
    if (embedder.id !== identity.id || embedder.dimension !== identity.dimension)
      throw new AppError(
        "embedder_unavailable",
        `Expected embedder ${identity.id} (${identity.dimension}-d) but ${embedder.id} (${embedder.dimension}-d) loaded.`,
      );
    return embedder;
  };
  return {
    id: identity.id,
    dimension: identity.dimension,
    multilingual: identity.multilingual,
    async embed(texts, kind) {
      loading ??= loaded().catch((e: unknown) => {
        loading = null;
        throw e;
      });
      return (await loading).embed(texts, kind);
    },
  };
}
