import { z } from "zod";
import type { AiRunner } from "../embed/workers-ai.js";
import type { VectorizeBinding } from "../store/vectorize.js";

/** The static-assets binding (`[assets] binding`): the Worker's data, readable only through it. */
export interface AssetsBinding {
  fetch(request: Request | string): Promise<Response>;
}

/** A Workers Rate Limiting binding (`[[ratelimits]]`): its limit and period are set in wrangler.toml. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The part of a KV namespace binding the Worker reads (the sites list). */
export interface KvBinding {
  get(key: string, type: "text"): Promise<string | null>;
}

/**
 * The Worker's bindings and variables (wrangler.toml). Only `ASSETS` is required; each optional
 * binding adds what it names: Workers AI embeds questions (when the index was built with its model),
 * Vectorize holds the vectors, the rate limiters count per address and per site, KV holds the sites.
 */
export interface WorkerEnv {
  ASSETS: AssetsBinding;
  AI?: AiRunner;
  VECTORIZE?: VectorizeBinding;
  ADDRESS_LIMITER?: RateLimitBinding;
  SITE_LIMITER?: RateLimitBinding;
  SITES_KV?: KvBinding;
  [variable: string]: unknown;
}

/** The Worker's variables (`[vars]`), validated once per isolate; names as in the Node server's. */
export const WorkerConfigSchema = z.object({
  /** `{"sites": [...]}` as for the Node server's `SITES`; `SITES_KV`'s key `sites` takes precedence. */
  SITES: z.string().optional(),
  /**
   * The origins of the Worker's own pages, comma-separated (`https://qa.example.edu`); by default
   * the origin each request was addressed to, which only the Worker's own routes reach.
   */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").map((o) => o.trim()) : undefined))
    .refine((list) => !list || list.every((o) => URL.canParse(o) && new URL(o).origin === o), {
      message: "must be scheme://host[:port], comma-separated, with no path or trailing slash",
    }),
  /** Requests per window per client address and per site, used where no limiter binding is bound; 0: no limit. */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_PER_SITE: z.coerce.number().int().min(0).default(3000),
  /** The window, in seconds: the `period` of the `[[ratelimits]]` bindings (10 or 60); sent as Retry-After. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Answers kept in each isolate for repeated questions; 0: none. */
  ANSWER_CACHE: z.coerce.number().int().min(0).default(500),
  LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
});
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

/**
 * Parses the Worker's variables; throws a readable error listing every invalid one.
 *
 * @example
 *   const config = parseWorkerConfig(env); // { RATE_LIMIT_WINDOW_SECONDS: 60, … }
 */
export function parseWorkerConfig(env: Record<string, unknown>): WorkerConfig {
  const result = WorkerConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid Worker variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
