/** Whether a text is a search query or a stored passage; some models prefix them differently. */
export type EmbedKind = "query" | "passage";

/**
 * Turns texts into unit-length vectors. Implementations are injected (see `cli/`), never global.
 *
 * @example
 *   const [v] = await embedder.embed(["Where is Zhongguancun?"], "query");
 */
export interface Embedder {
  /** Stable identifier recorded in the index manifest, e.g. `use-lite` or `transformers:Xenova/multilingual-e5-small`. */
  readonly id: string;
  readonly dimension: number;
  /** True when the model reads Chinese itself; false means Chinese passages are embedded through English glosses. */
  readonly multilingual: boolean;
  embed(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]>;
}
