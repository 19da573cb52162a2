import { z } from "zod";
import { DEFAULT_MODEL, EMBEDDER_PREFERENCES } from "./embed/select.js";

/** An empty variable (`GENERATOR_URL=`) counts as unset. */
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Settings from the environment, validated once at the entry points.
 * Every field has a default, so a plain `npm start` works on a fresh machine.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default("127.0.0.1"),
    CORPUS_DIR: z.string().default("corpus"),
    INDEX_DIR: z.string().default("index/current"),
    /** auto: the configured Transformers.js model if it loads, else the offline USE-lite encoder. */
    EMBEDDER: z.enum(EMBEDDER_PREFERENCES).default("auto"),
    EMBEDDING_MODEL: z.string().default(DEFAULT_MODEL),
    /** Directory holding Transformers.js models as `<dir>/<org>/<model>/`. */
    MODEL_DIR: z.string().default("models"),
    /** Whether Transformers.js may download from the Hugging Face hub. */
    ALLOW_REMOTE_MODELS: bool.default(true),
    /**
     * With `EMBEDDER=workers-ai`: the Cloudflare account and an API token (Workers AI read) whose
     * REST API embeds with `@cf/baai/bge-m3`, the model a Worker's `AI` binding runs.
     */
    CLOUDFLARE_ACCOUNT_ID: z.preprocess(unsetIfEmpty, z.string().optional()),
    CLOUDFLARE_API_TOKEN: z.preprocess(unsetIfEmpty, z.string().optional()),
    /** Another base URL for that API (a proxy). */
    CLOUDFLARE_API_BASE: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/u }).optional()),
    /** Largest accepted request body, in bytes. */
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024),
    LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
    /** JSON file of sites allowed to embed the widget: `{"sites": [{key, name?, origins, limit?}]}`. */
    SITES_FILE: z.string().optional(),
    /** The same JSON inline, used when SITES_FILE is not set. */
    SITES: z.string().optional(),
    /**
     * Requests per window to /api/* from one client address (0: no limit). A classroom behind one
     * NAT address shares it, so the default leaves room for sixty students asking at once.
     */
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(600),
    /** Requests per window for one site key, unless the site sets its own `limit`. */
    RATE_LIMIT_PER_SITE: z.coerce.number().int().min(0).default(3000),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
    /** Take the client address from X-Forwarded-For (set only behind a reverse proxy that sets it). */
    TRUST_PROXY: bool.default(false),
    /**
     * An OpenAI-compatible API (`…/v1` or the full `…/v1/chat/completions`) for the optional
     * generative answerer; unset, no model is ever called and answers are extractive.
     */
    GENERATOR_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/u }).optional()),
    /** The model name sent in each request (required with GENERATOR_URL), e.g. `qwen2.5:7b-instruct`. */
    GENERATOR_MODEL: z.preprocess(unsetIfEmpty, z.string().trim().min(1).optional()),
    /** Sent as `Authorization: Bearer …` when set (hosted APIs); local servers need none. */
    GENERATOR_API_KEY: z.preprocess(unsetIfEmpty, z.string().optional()),
    /** Longest a generative answer may take, condensing a follow-up included; then it falls back. */
    GENERATOR_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(60),
    /** How many of the top-ranked passages the model reads, every sentence numbered. */
    GENERATOR_PASSAGES: z.coerce.number().int().min(1).max(20).default(5),
    /** Where the generator's prompt templates are (`system|answer|condense.en|zh.txt`). */
    PROMPTS_DIR: z.string().default("prompts"),
    /**
     * `scheme://host[:port]` browsers use to reach the chat page (e.g. behind a proxy). Same-origin
     * requests are those whose Origin is exactly this; default: the listening address (with its
     * loopback spellings for a loopback HOST).
     */
    PUBLIC_ORIGIN: z
      .string()
      .refine((o) => URL.canParse(o) && new URL(o).origin === o, {
        message: "must be scheme://host[:port] with no path or trailing slash",
      })
      .optional(),
    /** Answering worker threads; 0: one per core. */
    WORKERS: z.coerce.number().int().min(0).max(64).default(0),
    /** Requests that may wait per worker; beyond, 503 with Retry-After. */
    QUEUE_PER_WORKER: z.coerce.number().int().min(0).max(10_000).default(32),
    /** Answers kept for repeated questions (keyed by question, history and options); 0 turns the cache off. */
    ANSWER_CACHE: z.coerce.number().int().min(0).default(1000),
    /** Seconds one request may compute before it is answered 503 and its worker replaced. */
    ANSWER_TIMEOUT_SECONDS: z.coerce.number().positive().default(30),
    /** Seconds SIGTERM/SIGINT waits for requests in flight before closing what is left. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).default(10),
  })
  .refine((c) => !c.GENERATOR_URL || c.GENERATOR_MODEL, {
    message: "GENERATOR_MODEL must be set when GENERATOR_URL is",
    path: ["GENERATOR_MODEL"],
  })
  .refine(
    (c) => c.EMBEDDER !== "workers-ai" || (c.CLOUDFLARE_ACCOUNT_ID && c.CLOUDFLARE_API_TOKEN),
    {
      message:
        "CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN must be set when EMBEDDER is workers-ai",
      path: ["EMBEDDER"],
    },
  );
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Parses settings; throws a readable error listing every invalid variable.
 *
 * @example
 *   const config = parseConfig(process.env);
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
