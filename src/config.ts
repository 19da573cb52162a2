import { z } from "zod";
import { DEFAULT_MODEL, EMBEDDER_PREFERENCES } from "./embed/select.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Settings from the environment, validated once at the entry points.
 * Every field has a default, so a plain `npm start` works on a fresh machine.
 */
export const ConfigSchema = z.object({
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
  /** Requests per window to /api/* from one client address (0: no limit). */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(60),
  /** Requests per window for one site key, unless the site sets its own `limit`. */
  RATE_LIMIT_PER_SITE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Take the client address from X-Forwarded-For (set only behind a reverse proxy that sets it). */
  TRUST_PROXY: bool.default(false),
  /**
   * `scheme://host[:port]` browsers use to reach the chat page (e.g. behind a proxy). Same-origin
   * requests are those whose Origin is exactly this; default: the listening address (with
   * `localhost` for a loopback HOST).
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
});
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
