import { access } from "node:fs/promises";
import { join } from "node:path";
import type { FeatureExtractionPipeline } from "@xenova/transformers";
import { AppError } from "../errors.js";
import type { Embedder, EmbedKind } from "./types.js";

/** Options for {@link createTransformersEmbedder}. */
export interface TransformersEmbedderOptions {
  /** Model id, e.g. `Xenova/multilingual-e5-small`; also the folder name under `localModelPath`. */
  model: string;
  /** Folder holding `<model>/config.json`, `tokenizer.json`, `onnx/model.onnx`, … */
  localModelPath?: string;
  /** Whether the Hugging Face hub may be asked when the model is not found locally. */
  allowRemote: boolean;
  /** Load `onnx/model_quantized.onnx`; by default true unless only `onnx/model.onnx` exists locally. */
  quantized?: boolean;
  /** Texts per forward pass; bounds memory on long inputs. */
  batchSize?: number;
}

const MULTILINGUAL_HINTS = [/multilingual/i, /labse/i, /bge-m3/i, /xlm-?r\b/i];

/**
 * Whether a model name suggests it reads many languages (Chinese included).
 *
 * @example
 *   isMultilingualModel("Xenova/multilingual-e5-small"); // true
 *   isMultilingualModel("Xenova/all-MiniLM-L6-v2"); // false
 */
export function isMultilingualModel(model: string): boolean {
  return MULTILINGUAL_HINTS.some((hint) => hint.test(model));
}

/**
 * The text a model actually sees: e5 models were trained with `query: ` / `passage: ` prefixes.
 *
 * @example
 *   prefixFor("intfloat/e5-small", "query", "R&D"); // "query: R&D"
 */
export function prefixFor(model: string, kind: EmbedKind, text: string): string {
  return /\be5\b/i.test(model) ? `${kind}: ${text}` : text;
}

// Transformers.js settings are process-global, so loads are serialized to keep each one's paths intact.
let loadQueue: Promise<unknown> = Promise.resolve();

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Hub models ship a quantized file; a local folder with only `model.onnx` gets the full one. */
async function defaultQuantized(
  localModelPath: string | undefined,
  model: string,
): Promise<boolean> {
  if (localModelPath === undefined) return true;
  const onnxDir = join(localModelPath, model, "onnx");
  const [full, quantized] = await Promise.all([
    exists(join(onnxDir, "model.onnx")),
    exists(join(onnxDir, "model_quantized.onnx")),
  ]);
  return !(full && !quantized);
}

async function loadPipeline(opts: TransformersEmbedderOptions): Promise<FeatureExtractionPipeline> {
  const { pipeline, env } = await import("@xenova/transformers");
  const quantized = opts.quantized ?? (await defaultQuantized(opts.localModelPath, opts.model));
  env.allowLocalModels = true;
  if (opts.localModelPath !== undefined) env.localModelPath = opts.localModelPath;
  env.allowRemoteModels = opts.allowRemote;
  return pipeline("feature-extraction", opts.model, { quantized });
}

/** One forward pass; the pipeline returns a [batch, dimension] tensor, split here into copies. */
async function extract(
  extractor: FeatureExtractionPipeline,
  texts: readonly string[],
): Promise<Float32Array[]> {
  const output = await extractor([...texts], { pooling: "mean", normalize: true });
  const data = output.data as Float32Array;
  const width = data.length / texts.length;
  return texts.map((_, i) => data.slice(i * width, (i + 1) * width));
}

/**
 * Embeds with a Transformers.js feature-extraction model (mean pooling, unit length), loaded from
 * `localModelPath` first and from the Hugging Face hub only when `allowRemote` is true.
 * Throws `AppError("embedder_unavailable")` when the model cannot be loaded.
 *
 * @example
 *   const embedder = await createTransformersEmbedder({ model: "Xenova/multilingual-e5-small", localModelPath: "models", allowRemote: false });
 *   const [v] = await embedder.embed(["区域创新"], "query");
 */
export async function createTransformersEmbedder(
  opts: TransformersEmbedderOptions,
): Promise<Embedder> {
  const { model, batchSize = 32 } = opts;
  const load = loadQueue.then(() => loadPipeline(opts));
  loadQueue = load.catch(() => undefined);

  let extractor: FeatureExtractionPipeline;
  let dimension: number;
  try {
    extractor = await load;
    // A probe both discovers the dimension and proves the ONNX graph runs.
    const [probe] = await extract(extractor, ["dimension probe"]);
    dimension = probe?.length ?? 0;
  } catch (cause) {
    const where = opts.allowRemote
      ? "locally or from the Hugging Face hub"
      : `from ${opts.localModelPath ?? "the local model folder"} (remote downloads are off)`;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError(
      "embedder_unavailable",
      `Model ${model} could not be loaded ${where}: ${reason}`,
      { cause },
    );
  }

  return {
    id: `transformers:${model}`,
    dimension,
    multilingual: isMultilingualModel(model),
    async embed(texts, kind) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts
          .slice(start, start + batchSize)
          .map((text) => prefixFor(model, kind, text));
        vectors.push(...(await extract(extractor, batch)));
      }
      return vectors;
    },
  };
}
