import type { AskRequest } from "./schemas.js";
import type { AnswerCacheLike, AskResponse } from "./state.js";

export interface AnswerCacheOptions {
  /** Answers kept; the least recently used goes first. */
  maxEntries: number;
  /** Bound on the answers' size as JSON (default 64 MB), so a few large answers cannot fill memory. */
  maxBytes?: number;
}

/** A bounded cache of answers that also lets concurrent askers of one question share its work. */
export interface AnswerCache extends AnswerCacheLike {
  /** Forgets every answer (a new index is served). */
  clear(): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number; shared: number };
}

/** The JSON of answers the cache holds, written once when stored (a hit is then sent as is). */
const serialised = new WeakMap<AskResponse, string>();

/**
 * `value` as JSON: the text written when the cache stored it, else written now.
 *
 * @example
 *   c.body(answerJson(result), 200, { "content-type": "application/json" });
 */
export const answerJson = (value: AskResponse): string =>
  serialised.get(value) ?? JSON.stringify(value);

/** Text as the cache compares it: canonical Unicode, runs of white space as one space, trimmed. */
const norm = (s: string) => s.normalize("NFC").replace(/\s+/gu, " ").trim();

/**
 * The cache key of a question: the index it is answered from, the question, the history and the
 * options, each normalised so that spacing does not make two askers of one question miss.
 *
 * @example
 *   answerKey("a80c…", { question: "Where is  ZGC? " }) === answerKey("a80c…", { question: "Where is ZGC?" }) // → true
 */
export function answerKey(buildId: string, body: AskRequest): string {
  return JSON.stringify([
    buildId,
    norm(body.question),
    (body.history ?? []).map((t) => [t.role, norm(t.content)]),
    body.k ?? null,
    body.style ?? null,
    body.answerer ?? null,
  ]);
}

const abortError = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new DOMException("Aborted", "AbortError");

/**
 * An LRU cache of answers keyed by {@link answerKey}. A miss computes once however many ask at the
 * same moment (a lecture hall asks the same question together); the computation is aborted only
 * when every one of its askers has gone.
 *
 * @example
 *   const cache = createAnswerCache({ maxEntries: 1000 });
 *   await cache.run(key, (signal) => backend.ask(body, signal), request.signal);
 */
export function createAnswerCache(opts: AnswerCacheOptions): AnswerCache {
  const maxBytes = opts.maxBytes ?? 64 * 2 ** 20;
  const entries = new Map<string, { value: AskResponse; bytes: number }>();
  const pending = new Map<
    string,
    { promise: Promise<AskResponse>; askers: number; controller: AbortController }
  >();
  let bytes = 0;
  const counts = { hits: 0, misses: 0, shared: 0 };
  let generation = 0;

  const store = (key: string, value: AskResponse) => {
    const json = JSON.stringify(value);
    const size = json.length * 2;
    if (size > maxBytes / 4) return;
    serialised.set(value, json);
    entries.set(key, { value, bytes: size });
    bytes += size;
    for (const [k, e] of entries) {
      if (entries.size <= opts.maxEntries && bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.bytes;
    }
  };

  /** Waits for `p` unless this asker's `signal` goes first; the last asker to leave aborts the work. */
  const join = (key: string, signal: AbortSignal): Promise<AskResponse> => {
    const job = pending.get(key)!;
    job.askers++;
    return new Promise<AskResponse>((resolve, reject) => {
      const leave = () => {
        job.askers--;
        if (job.askers === 0) job.controller.abort(signal.reason);
        reject(abortError(signal));
      };
      if (signal.aborted) return leave();
      signal.addEventListener("abort", leave, { once: true });
      job.promise.then(
        (v) => {
          signal.removeEventListener("abort", leave);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener("abort", leave);
          reject(e);
        },
      );
    });
  };

  return {
    async run(key, compute, signal) {
      const hit = entries.get(key);
      if (hit) {
        counts.hits++;
        // Most recently used goes last, so eviction takes the oldest first.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      if (pending.has(key)) {
        counts.shared++;
        return join(key, signal);
      }
      counts.misses++;
      const controller = new AbortController();
      const started = generation;
      const promise = compute(controller.signal).then((value) => {
        if (started === generation) store(key, value);
        return value;
      });
      const job = { promise, askers: 0, controller };
      pending.set(key, job);
      promise.then(
        () => pending.delete(key),
        () => pending.delete(key),
      );
      return join(key, signal);
    },
    clear() {
      generation++;
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, ...counts }),
  };
}
