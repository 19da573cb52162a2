import { AppError } from "../errors.js";
import { createTransformersEmbedder } from "./transformers.js";
import type { Embedder } from "./types.js";
import { createUseLiteEmbedder } from "./use-lite.js";
import { createWorkersAiEmbedder, type AiRunner } from "./workers-ai.js";

/** The Transformers.js model tried first: small, multilingual (reads Chinese itself). */
export const DEFAULT_MODEL = "Xenova/multilingual-e5-small";

/** Which embedders `selectEmbedder` may choose from. */
export const EMBEDDER_PREFERENCES = ["auto", "transformers", "use-lite", "workers-ai"] as const;
export type EmbedderPreference = (typeof EMBEDDER_PREFERENCES)[number];

/** Options for {@link selectEmbedder}. */
export interface SelectEmbedderOptions {
  prefer: EmbedderPreference;
  model: string;
  localModelPath?: string;
  allowRemote: boolean;
  /** Receives one line saying which embedder was chosen and why. */
  log?: (msg: string) => void;
  /** Upper bound on loading the Transformers.js model, so an unreachable hub cannot hang startup. */
  timeoutMs?: number;
  /** Workers AI (the REST API outside a Worker), for "workers-ai". */
  workersAi?: AiRunner;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, model: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const detail = `Model ${model} could not be loaded within ${ms / 1000} s.`;
    timer = setTimeout(() => reject(new AppError("embedder_unavailable", detail)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Picks the embedder: "auto" tries the Transformers.js model (local folder, then the hub if allowed)
 * and falls back to offline USE-lite, logging why; "transformers" throws
 * `AppError("embedder_unavailable")` instead of falling back; "use-lite" skips the model;
 * "workers-ai" embeds with `@cf/baai/bge-m3` through `workersAi` (never falls back either).
 *
 * @example
 *   const embedder = await selectEmbedder({ prefer: "auto", model: DEFAULT_MODEL, localModelPath: "models", allowRemote: false, log: console.error });
 *   // logs e.g. "embedder: use-lite (offline). Model Xenova/multilingual-e5-small could not be loaded from models (remote downloads are off): …"
 */
export async function selectEmbedder(opts: SelectEmbedderOptions): Promise<Embedder> {
  const { prefer, model, log = () => {}, timeoutMs = 60_000 } = opts;
  if (prefer === "workers-ai") {
    if (!opts.workersAi)
      throw new AppError(
        "embedder_unavailable",
        "EMBEDDER=workers-ai needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN.",
      );
    const embedder = createWorkersAiEmbedder(opts.workersAi);
    log(`embedder: ${embedder.id} (dimension ${embedder.dimension}), through Cloudflare's API.`);
    return embedder;
  }
  if (prefer === "use-lite") {
    const embedder = await createUseLiteEmbedder();
    log("embedder: use-lite (offline), as configured.");
    return embedder;
  }
  try {
    const loading = createTransformersEmbedder({
      model,
      localModelPath: opts.localModelPath,
      allowRemote: opts.allowRemote,
    });
    const embedder = await withTimeout(loading, timeoutMs, model);
    log(`embedder: ${embedder.id} (dimension ${embedder.dimension}).`);
    return embedder;
  } catch (error) {
    if (prefer === "transformers") throw error;
    // The AppError detail already names the model, where it was looked for, and the cause.
    const reason = error instanceof Error ? error.message : String(error);
    const embedder = await createUseLiteEmbedder();
    log(`embedder: use-lite (offline). ${reason}`);
    return embedder;
  }
}
