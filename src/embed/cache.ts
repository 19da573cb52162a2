import type { EmbedKind, Embedder } from "./types.js";

/** Options of {@link cachingEmbedder}. */
export interface CacheOptions {
  /** Most query vectors kept (least recently used go first). */
  size: number;
}

/**
 * An embedder that keeps the vectors of recent queries (a lecture hall asks the same questions) and
 * embeds the queries that arrive together in one batch. Passages pass straight through.
 *
 * @example
 *   const embedder = cachingEmbedder(await selectEmbedder(opts), { size: 1000 });
 */
export function cachingEmbedder(inner: Embedder, opts: CacheOptions): Embedder {
  const cache = new Map<string, Float32Array>();
  let pending: Array<{
    text: string;
    resolve: (v: Float32Array) => void;
    reject: (e: unknown) => void;
  }> = [];
  const remember = (text: string, v: Float32Array) => {
    cache.delete(text);
    cache.set(text, v);
    if (cache.size > opts.size) cache.delete(cache.keys().next().value!);
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    const texts = [...new Set(batch.map((b) => b.text))];
    try {
      const vectors = await inner.embed(texts, "query");
      texts.forEach((t, i) => remember(t, vectors[i]!));
      for (const b of batch) b.resolve(cache.get(b.text) ?? vectors[texts.indexOf(b.text)]!);
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  const query = (text: string) =>
    new Promise<Float32Array>((resolve, reject) => {
      const hit = cache.get(text);
      if (hit) {
        remember(text, hit);
        resolve(hit);
        return;
      }
      // Queries asked in the same turn of the event loop are embedded together.
      if (!pending.length) queueMicrotask(() => void flush());
      pending.push({ text, resolve, reject });
    });
  return {
    id: inner.id,
    dimension: inner.dimension,
    multilingual: inner.multilingual,
    embed: (texts: readonly string[], kind: EmbedKind) =>
      kind === "query" ? Promise.all(texts.map((t) => query(t.trim()))) : inner.embed(texts, kind),
  };
}
