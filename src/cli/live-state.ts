import type { Progress, ReadyState } from "../http/state.js";

/** What a reload did: loaded and swapped in, nothing new, refused (old state kept), or no index yet. */
export const RELOAD_OUTCOMES = ["swapped", "unchanged", "refused", "missing"] as const;
export type ReloadOutcome = (typeof RELOAD_OUTCOMES)[number];

export interface LiveStateOptions {
  /** Loads a complete state (index, corpus texts, catalog); throws when it cannot. */
  load: () => Promise<ReadyState>;
  /** The build id of the index `load` would read now, or null when there is none. */
  identify: () => Promise<string | null>;
  log: (message: string) => void;
  /** Where the index lives, for log lines. */
  where?: string;
}

/** The state the server answers from, replaced whole when a new index loads. */
export interface LiveState {
  /** The state to answer from; read once per request. */
  current(): ReadyState | null;
  /** What is under way, else "ready", else why nothing is served. */
  status(): string;
  progress(): Progress | null;
  /** Says what is under way (shown by 503s and /readyz), or `null` when it is over. */
  report(phase: string | null, progress?: Progress | null): void;
  /**
   * Loads the index beside the one being served and swaps it in at once; requests already running
   * finish on the state they started with. A load that fails is logged and the served state kept.
   * Without `force`, an index whose build id is the one served is not loaded again. Calls queue
   * one behind the other, so two loads never overlap.
   */
  reload(why: string, opts?: { force?: boolean }): Promise<ReloadOutcome>;
}

const idOf = (s: ReadyState) => s.manifest.buildId ?? s.manifest.builtAt;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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
export function createLiveState(opts: LiveStateOptions): LiveState {
  const where = opts.where ?? "the index folder";
  let state: ReadyState | null = null;
  let phase: string | null = null;
  let progress: Progress | null = null;
  let loading = false;
  let failure: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function loadConsistent(): Promise<ReadyState> {
    for (let attempt = 1; ; attempt++) {
      const next = await opts.load();
      if ((await opts.identify()) === idOf(next) || attempt === 3) return next;
    }
  }

  async function run(why: string, force: boolean): Promise<ReloadOutcome> {
    const id = await opts.identify();
    if (id === null) {
      failure = `no index in ${where} yet`;
      return "missing";
    }
    if (!force && state && idOf(state) === id) return "unchanged";
    loading = true;
    try {
      const next = await loadConsistent();
      const old = state;
      state = next;
      failure = null;
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
      failure = `failed: ${message(e)}`;
      return "refused";
    } finally {
      loading = false;
    }
  }

  return {
    current: () => state,
    status: () =>
      phase ?? (state ? "ready" : loading ? "loading the index" : (failure ?? "starting")),
    progress: () => progress ?? (loading && !state ? { phase: "loading the index" } : null),
    report(next, p = null) {
      phase = next;
      progress = next === null ? null : (p ?? { phase: next });
    },
    reload(why, { force = false } = {}) {
      const result = queue.then(() => run(why, force));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
