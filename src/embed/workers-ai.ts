import { AppError } from "../errors.js";
import type { Embedder } from "./types.js";

/** The Workers AI embedding model the Worker can ask: multilingual (reads Chinese itself), 1024-d. */
export const WORKERS_AI_MODEL = "@cf/baai/bge-m3";
const DIMENSIONS: Readonly<Record<string, number>> = { [WORKERS_AI_MODEL]: 1024 };

/** What an embedding model of Workers AI answers for `{ text: [...] }`. */
export interface AiEmbeddingOutput {
  shape?: number[];
  data?: number[][];
}

/**
 * The part of a Workers AI binding (`env.AI`) that embedding uses: `run(model, { text })`. Anything
 * with this method can stand in (a fake in tests, or a client of the REST API of the same models).
 */
export interface AiRunner {
  run(model: string, inputs: { text: string[] }): Promise<unknown>;
}

/** Options of {@link createWorkersAiEmbedder}. */
export interface WorkersAiOptions {
  model?: string;
  /** The model's output dimension (known for {@link WORKERS_AI_MODEL}). */
  dimension?: number;
  /** Texts per request. */
  batchSize?: number;
}

const isOutput = (o: unknown): o is AiEmbeddingOutput =>
  typeof o === "object" && o !== null && Array.isArray((o as AiEmbeddingOutput).data);

/** A copy of `values` at unit length (bge-m3's vectors are close to it, not exactly). */
function unit(values: readonly number[]): Float32Array {
  const v = Float32Array.from(values);
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/**
 * An embedder over Workers AI (`@cf/baai/bge-m3` by default). Its id, `workers-ai:<model>`, is the
 * one an index must have been built with for the Worker to embed questions against it. Queries and
 * passages are embedded alike (bge-m3 takes no prefixes). Failures become
 * `AppError("embedder_unavailable")` naming the model.
 *
 * @example
 *   const embedder = createWorkersAiEmbedder(env.AI);
 *   const [v] = await embedder.embed(["中關村的研發投入"], "query"); // v.length === 1024
 */
export function createWorkersAiEmbedder(ai: AiRunner, opts: WorkersAiOptions = {}): Embedder {
  const model = opts.model ?? WORKERS_AI_MODEL;
  const dimension = opts.dimension ?? DIMENSIONS[model];
  if (!dimension)
    throw new AppError(
      "embedder_unavailable",
      `The dimension of Workers AI model ${model} is not known; give it as an option.`,
    );
  const batchSize = opts.batchSize ?? 50;
  const fail = (detail: string, cause?: unknown) =>
    new AppError("embedder_unavailable", `Workers AI model ${model}: ${detail}`, { cause });

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    let output: unknown;
    try {
      output = await ai.run(model, { text: texts });
    } catch (cause) {
      throw fail(`the request failed (${(cause as Error).message}).`, cause);
    }
    if (!isOutput(output) || output.data!.length !== texts.length)
      throw fail(`expected ${texts.length} embeddings, got an answer of another shape.`);
    return output.data!.map((row) => {
      if (row.length !== dimension)
        throw fail(`expected ${dimension}-d embeddings, got ${row.length}-d.`);
      return unit(row);
    });
  }

  return {
    id: `workers-ai:${model}`,
    dimension,
    multilingual: true,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        // An empty text has no tokens to pool; a space gives it a vector like any other.
        const batch = texts.slice(start, start + batchSize).map((t) => (t === "" ? " " : t));
        vectors.push(...(await embedBatch(batch)));
      }
      return vectors;
    },
  };
}
