import type { AiRunner } from "./workers-ai.js";

/** Cloudflare's API, under which `accounts/<id>/ai/run/<model>` runs a Workers AI model. */
export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

/** Options of {@link workersAiRest}. */
export interface WorkersAiRestOptions {
  accountId: string;
  /** An API token with the Workers AI read permission. */
  apiToken: string;
  /** Another base URL (a proxy, or a local fake in tests). */
  baseUrl?: string;
  /** Longest one request may take. */
  timeoutMs?: number;
}

/** What the API answers: `{ success, result, errors: [{ code, message }] }`. */
interface Envelope {
  success?: boolean;
  result?: unknown;
  errors?: Array<{ code?: number; message?: string }>;
}

/**
 * Workers AI over Cloudflare's REST API, for use outside a Worker: `npm run index` with
 * `EMBEDDER=workers-ai` embeds the passages with the model a Worker's `AI` binding runs, so the
 * Worker can embed questions against that index. Same `run(model, inputs)` as the binding; a
 * failure rejects with the API's own message.
 *
 * @example
 *   const embedder = createWorkersAiEmbedder(workersAiRest({ accountId, apiToken }));
 */
export function workersAiRest(opts: WorkersAiRestOptions): AiRunner {
  const base = (opts.baseUrl ?? CLOUDFLARE_API).replace(/\/+$/u, "");
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return {
    async run(model, inputs) {
      const url = `${base}/accounts/${encodeURIComponent(opts.accountId)}/ai/run/${model}`;
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${opts.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify(inputs),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await res.json().catch(() => null)) as Envelope | null;
      if (!res.ok || !body?.success) {
        const error = body?.errors?.[0];
        const detail = error ? `${error.code ?? ""} ${error.message ?? ""}`.trim() : res.statusText;
        throw new Error(`HTTP ${res.status}: ${detail}`);
      }
      return body.result;
    },
  };
}
