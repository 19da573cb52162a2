import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { createAnswerCache } from "../http/answer-cache.js";
import { createApp } from "../http/app.js";
import { listenHttp } from "../http/node/listen.js";
import { createAssets } from "../http/widget/assets.js";
import { readWidgetFiles } from "../http/widget/files.js";
import { createWorkerPool, type PoolGeneration, type WorkerPool } from "../pool/pool.js";
import { startWorker, WORKER_ENTRY } from "../pool/spawn.js";
import { staleReason } from "../store/build.js";
import { damagedFile } from "../store/checksums.js";
import { INDEX_FILES } from "../store/index-data.js";
import { readManifest } from "../store/load-index.js";
import { recoverIndexDir } from "../store/recover.js";
import { SCHEMA_VERSION } from "../store/types.js";
import { watchPaths } from "../store/watch.js";
import { trackBuild } from "./build-progress.js";
import { runBuildInChild, type BuildOutcome, type BuildRun } from "./build-runner.js";
import { createLiveState, type LiveState, type ReloadOutcome } from "./live-state.js";
import { securityFromConfig } from "./security.js";
import type { LanguageSource } from "./wire.js";

/** A server answering from a {@link LiveState}, building and reloading its index as needed. */
export interface RunningServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly live: LiveState<PoolGeneration>;
  readonly pool: WorkerPool;
  /** Settles when start-up work is over: the index built if it had to be, and loaded (or refused). */
  readonly started: Promise<void>;
  /** Builds what changed (everything if `force`) in a child process, then reloads; joins a build already running. */
  rebuild(why: string, force?: boolean): Promise<BuildOutcome>;
  /** Loads the index (and catalog) from disk beside the served one and swaps it in. */
  reload(why: string, opts?: { force?: boolean }): Promise<ReloadOutcome>;
  /** Requests whose responses are not finished. */
  inFlight(): number;
  /**
   * Graceful stop: stops accepting, answers what is in flight with `Connection: close` for up to
   * `graceMs` (default SHUTDOWN_GRACE_SECONDS), closes every connection left, stops watching, the
   * build and the workers.
   */
  shutdown(graceMs?: number): Promise<{ finished: boolean; abandoned: number }>;
  /** {@link shutdown} without waiting for anything in flight. */
  close(): Promise<void>;
}

export interface ServerOptions {
  log: (message: string) => void;
  /** Replaces the per-address rate limit (eval and bench run as the operator: 0, no limit). */
  perAddress?: number;
  /** Watch the index and catalog for changes (default true). */
  watch?: boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Heap bound of one answering worker: one that runs away dies alone, and is replaced. */
const WORKER_HEAP_MB = 1536;

/**
 * Listens at once — `/healthz` answers and `/api/*` says 503 with progress — then builds the index
 * in a child process when it is missing or stale, and has a pool of answering worker threads load
 * and serve it. The thread that accepts connections only checks, queues and forwards: answering
 * never holds it. A stale index keeps serving while its successor builds. Afterwards a new
 * `index/current` (from `npm run index`) or an edited `catalog.json` is loaded beside the served
 * state and swapped in. A damaged index is refused, named in the log and `/readyz`, and not rebuilt
 * behind the operator's back.
 *
 * @example
 *   const server = await startServer(parseConfig(process.env), { log });
 *   process.on("SIGTERM", () => void server.shutdown().then(() => process.exit(0)));
 */
export async function startServer(config: Config, opts: ServerOptions): Promise<RunningServer> {
  const { log } = opts;
  // Read and checked before listening: a broken prompts folder stops the start, not a question.
  // (Each worker sets up its own client from the same settings; this one only checks and says so.)
  const { generatorFromConfig } = await import("./generator.js");
  await generatorFromConfig(config, log);
  const recovery = await recoverIndexDir(config.INDEX_DIR);
  if (recovery.restored)
    log(`server: a build was interrupted; restored ${recovery.restored} as ${config.INDEX_DIR}.`);
  if (recovery.removed.length)
    log(`server: removed leftovers of interrupted builds: ${recovery.removed.join(", ")}.`);
  for (const w of recovery.warnings) log(`server: warning: ${w}`);

  const workers = config.WORKERS || availableParallelism();
  const pool = createWorkerPool({
    size: workers,
    queuePerWorker: config.QUEUE_PER_WORKER,
    timeoutMs: config.ANSWER_TIMEOUT_SECONDS * 1000,
    spawn: (index) =>
      startWorker(WORKER_ENTRY, {
        workerData: { config, index },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
    log,
  });
  const cache =
    config.ANSWER_CACHE > 0 ? createAnswerCache({ maxEntries: config.ANSWER_CACHE }) : undefined;
  const identify = async () => {
    const m = await readManifest(config.INDEX_DIR);
    return m ? (m.buildId ?? m.builtAt) : null;
  };
  const live = createLiveState<PoolGeneration>({
    load: () => pool.load(),
    identify,
    log,
    where: config.INDEX_DIR,
    onSwap: (next) => {
      pool.commit(next.gen);
      // Answers of the old index are not answers of the new one.
      cache?.clear();
    },
  });

  let app: Hono | null = null;
  const http = await listenHttp((req, env) => app!.fetch(req, env), {
    host: config.HOST,
    port: config.PORT,
  });
  const security = securityFromConfig(config, http.port);
  app = createApp({
    state: () => null,
    status: live.status,
    progress: live.progress,
    readiness: live.readiness,
    backend: pool,
    cache,
    health: () => ({ workers: pool.stats() }),
    maxBodyBytes: config.MAX_BODY_BYTES,
    assets: createAssets(readWidgetFiles()),
    security:
      opts.perAddress === undefined ? security : { ...security, perAddress: opts.perAddress },
  });
  const perAddress = opts.perAddress ?? config.RATE_LIMIT_PER_ADDRESS;
  log(
    `server: listening on ${http.url} (pid ${process.pid}; ${workers} answering worker(s), ` +
      `${config.QUEUE_PER_WORKER} waiting per worker, answer cache ${cache ? config.ANSWER_CACHE : "off"}; ` +
      `${security.sites.size} embedding site(s); ` +
      (perAddress
        ? `${perAddress} requests per ${config.RATE_LIMIT_WINDOW_SECONDS} s per address)`
        : "no per-address limit)"),
  );
  if (!config.PUBLIC_ORIGIN && ["0.0.0.0", "::"].includes(config.HOST))
    log(
      `server: HOST is ${config.HOST} and PUBLIC_ORIGIN is not set: browsers may use the chat ` +
        `only at ${security.publicOrigins.join(", ")}; set PUBLIC_ORIGIN to the address they use.`,
    );

  let build: { run: BuildRun; done: Promise<BuildOutcome> } | null = null;
  let closed = false;
  const rebuild = (why: string, force = false): Promise<BuildOutcome> => {
    if (build) return build.done;
    log(`server: building the index in a child process (${why}); answering 503 until it is ready.`);
    live.report("building the index: loading the embedder and dictionary");
    const track = trackBuild();
    const run = runBuildInChild(config, {
      force,
      onProgress: (e) => {
        const p = track(e);
        live.report(p.phase, p);
      },
    });
    const done = run.done.then(async (outcome) => {
      build = null;
      live.report(null);
      if (closed) return outcome;
      if (outcome.ok) await live.reload(`built: ${why}`);
      else {
        log(`server: the index build failed: ${outcome.error}`);
        if (!live.current()) live.fail("the index build failed");
      }
      return outcome;
    });
    build = { run, done };
    return done;
  };

  const watcher =
    opts.watch === false
      ? null
      : watchPaths(
          [join(config.INDEX_DIR, INDEX_FILES.manifest), join(config.CORPUS_DIR, "catalog.json")],
          (path) => {
            // While our own build runs, its end triggers the reload.
            if (build) return;
            const catalog = path.endsWith("catalog.json");
            void live.reload(catalog ? "catalog.json changed" : "new index on disk", {
              force: catalog,
            });
          },
        );

  const started = (async () => {
    try {
      live.report("checking the index");
      const manifest = await readManifest(config.INDEX_DIR);
      const quick = await staleReason(config.CORPUS_DIR, config.INDEX_DIR, null);
      if (manifest?.schemaVersion !== SCHEMA_VERSION) {
        // Nothing to serve meanwhile: build first, while the workers load their models.
        await rebuild(quick ?? "the index is unreadable");
        return;
      }
      live.report("loading the embedder and dictionary");
      const { embedderId } = await pool.models();
      live.report(null);
      // A damaged index is the operator's to look at: refused (the file named in the log and
      // /readyz), not rebuilt behind their back. `npm run index` rebuilds it; the watcher loads it.
      const damaged = await damagedFile(config.INDEX_DIR, manifest);
      const loaded = manifest.embedder.id === embedderId ? await live.reload("startup") : "refused";
      if (damaged || (live.lastError() as AppError | null)?.code === "index_invalid") {
        if (loaded !== "swapped")
          log(
            "server: the index is damaged; `npm run index` rebuilds it, and this server loads it.",
          );
        return;
      }
      // A stale index built by this embedder serves while its successor builds.
      const full = quick ?? (await staleReason(config.CORPUS_DIR, config.INDEX_DIR, embedderId));
      if (full) await rebuild(full);
      else if (loaded === "refused") await rebuild("the index could not be loaded", true);
    } catch (e) {
      log(`server: failed to start serving — ${message(e)}`);
      live.report(null);
      live.fail("the server could not start serving");
    }
  })();

  const shutdown = async (graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000) => {
    closed = true;
    watcher?.close();
    build?.run.cancel();
    const result = await http.drain(graceMs);
    await pool.close();
    return result;
  };
  return {
    url: http.url,
    live,
    pool,
    started,
    rebuild,
    reload: (why, o) => live.reload(why, o),
    inFlight: () => http.inFlight(),
    shutdown,
    close: async () => void (await shutdown(0)),
  };
}
