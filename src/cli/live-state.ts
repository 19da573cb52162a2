import { AppError } from "../errors.js";
import type { Progress, Readiness, ReadyState } from "../http/state.js";
import type { Manifest } from "../store/types.js";

/** What a reload did: loaded and swapped in, nothing new, refused (old state kept), or no index yet. */
export const RELOAD_OUTCOMES = ["swapped", "unchanged", "refused", "missing"] as const;
export type ReloadOutcome = (typeof RELOAD_OUTCOMES)[number];

/** Anything served from an index: it carries the index's manifest. */
export interface Served {
  manifest: Manifest;
}

export interface LiveStateOptions<S extends Served> {
  /** Loads a complete state (index, corpus texts, catalog); throws when it cannot. */
  load: () => Promise<S>;
  /** The build id of the index `load` would read now, or null when there is none. */
  identify: () => Promise<string | null>;
  log: (message: string) => void;
  /** Where the index lives, for log lines. */
  where?: string;
  /** Called when a new state is swapped in (e.g. to tell answering workers, or clear a cache). */
  onSwap?: (next: S, previous: S | null) => void;
}

/** The state the server answers from, replaced whole when a new index loads. */
export interface LiveState<S extends Served = ReadyState> {
  /** The state to answer from; read once per request. */
  current(): S | null;
  /** What is under way, else "ready", else why nothing is served (no paths: clients see it). */
  status(): string;
  progress(): Progress | null;
  /** Where the service is: `/readyz` and the 503 answers report this. */
  readiness(): Readiness;
  /** Says what is under way (shown by 503s and /readyz), or `null` when it is over. */
  report(phase: string | null, progress?: Progress | null): void;
  /** Records that nothing can be served (e.g. the build failed): `reason` is shown, so no paths. */
  fail(reason: string): void;
  /** The error of the last load that was refused, or null after one that succeeded. */
  lastError(): unknown;
  /**
   * Loads the index beside the one being served and swaps it in at once; requests already running
   * finish on the state they started with. A load that fails is logged and the served state kept.
   * Without `force`, an index whose build id is the one served is not loaded again. Calls queue
   * one behind the other, so two loads never overlap.
   */
  reload(why: string, opts?: { force?: boolean }): Promise<ReloadOutcome>;
}

const idOf = (s: Served) => s.manifest.buildId ?? s.manifest.builtAt;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Why a load failed, in words a client may see: the damaged index file and what is wrong with it
 * (from the error's `details`), or a fixed phrase by error code — never the message, which names
 * paths and may quote file content.
 *
 * @example
 *   publicReason(new AppError("index_invalid", "… /srv/index …", { details: { file: "chunks.json", problem: "is not valid JSON" } }))
 *   // → "index file chunks.json is not valid JSON"
 */
export function publicReason(e: unknown): string {
  if (e instanceof AppError || (e as { code?: unknown })?.code) {
    const { code, details } = e as { code?: string; details?: Record<string, unknown> };
    const file = typeof details?.file === "string" ? details.file : null;
    const problem = typeof details?.problem === "string" ? details.problem : null;
    if (file && problem && /^[\w.-]+$/u.test(file)) return `index file ${file} ${problem}`;
    if (code === "index_incompatible") return "the index was built by another version or embedder";
    if (code === "index_not_ready") return "no index yet";
  }
  return "the index could not be loaded";
}

/**
 * A {@link LiveState} over `load`. The load runs again (up to three times) when the index is
 * replaced while it is being read, since the build id before and after must agree: a swap never
 * mixes the files of two builds.
 *
 * @example
 *   const live = createLiveState({ load: () => loadState(config, embedder, translator), identify, log });
 *   await live.reload("startup");
 *   createApp({ state: live.current, status: live.status, progress: live.progress });
 */
export function createLiveState<S extends Served>(opts: LiveStateOptions<S>): LiveState<S> {
  const where = opts.where ?? "the index folder";
  let state: S | null = null;
  let phase: string | null = null;
  let progress: Progress | null = null;
  let loading = false;
  let failure: string | null = null;
  let lastError: unknown = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function loadConsistent(): Promise<S> {
    for (let attempt = 1; ; attempt++) {
      const next = await opts.load();
      if ((await opts.identify()) === idOf(next) || attempt === 3) return next;
    }
  }

  async function run(why: string, force: boolean): Promise<ReloadOutcome> {
    const id = await opts.identify();
    if (id === null) {
      failure = state ? null : "no index yet";
      return "missing";
    }
    if (!force && state && idOf(state) === id) return "unchanged";
    loading = true;
    try {
      const next = await loadConsistent();
      const old = state;
      state = next;
      failure = null;
      lastError = null;
      opts.onSwap?.(next, old);
      const m = next.manifest;
      opts.log(
        `server: serving index ${idOf(next)} (${why}) — ${m.counts.chunks} passages from ${m.counts.documents} documents, built ${m.builtAt}` +
          (old && idOf(old) !== idOf(next) ? `; replaces ${idOf(old)}` : ""),
      );
      return "swapped";
    } catch (e) {
      opts.log(
        `server: index ${id} in ${where} refused (${why}): ${message(e)} — ` +
          (state ? `still serving index ${idOf(state)}.` : "nothing to serve yet."),
      );
      failure = `failed: ${publicReason(e)}`;
      lastError = e;
      return "refused";
    } finally {
      loading = false;
    }
  }

  const status = () =>
    phase ?? (state ? "ready" : loading ? "loading the index" : (failure ?? "starting"));
  const currentProgress = () =>
    progress ?? (loading && !state ? { phase: "loading the index" } : null);

  return {
    current: () => state,
    status,
    progress: currentProgress,
    readiness: () => ({
      state: state
        ? "ready"
        : phase?.startsWith("building")
          ? "building"
          : loading || phase
            ? "loading"
            : failure?.startsWith("failed")
              ? "failed"
              : "starting",
      manifest: state?.manifest ?? null,
      status: status(),
      progress: currentProgress(),
    }),
    report(next, p = null) {
      phase = next;
      progress = next === null ? null : (p ?? { phase: next });
    },
    fail(reason) {
      failure = `failed: ${reason}`;
    },
    lastError: () => lastError,
    reload(why, { force = false } = {}) {
      const result = queue.then(() => run(why, force));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
