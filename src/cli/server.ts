import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import { createApp } from "../http/app.js";
import { createAssets } from "../http/widget/assets.js";
import { readWidgetFiles } from "../http/widget/files.js";
import { securityFromConfig } from "./security.js";
import { staleReason } from "../store/build.js";
import { INDEX_FILES } from "../store/index-data.js";
import { readManifest } from "../store/load-index.js";
import { SCHEMA_VERSION } from "../store/types.js";
import { watchPaths } from "../store/watch.js";
import { trackBuild } from "./build-progress.js";
import { runBuildInChild, type BuildOutcome, type BuildRun } from "./build-runner.js";
import { createLiveState, type LiveState, type ReloadOutcome } from "./live-state.js";
import type { LanguageSource } from "./wire.js";

/** A server answering from a {@link LiveState}, building and reloading its index as needed. */
export interface RunningServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly live: LiveState;
  /** Settles when start-up work is over: the index built if it had to be, and loaded (or refused). */
  readonly started: Promise<void>;
  /** Builds what changed (everything if `force`) in a child process, then reloads; joins a build already running. */
  rebuild(why: string, force?: boolean): Promise<BuildOutcome>;
  /** Loads the index (and catalog) from disk beside the served one and swaps it in. */
  reload(why: string, opts?: { force?: boolean }): Promise<ReloadOutcome>;
  /** Stops watching, stops a running build and stops listening. */
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

/**
 * Listens at once — `/healthz` answers and `/api/*` says 503 with progress — then, off the event
 * loop, builds the index in a child process when it is missing or stale, loads it and serves it. A
 * stale index keeps serving while its successor builds. Afterwards a new `index/current` (from
 * `npm run index`) or an edited `catalog.json` is loaded beside the served state and swapped in.
 *
 * @example
 *   const server = await startServer(parseConfig(process.env), { log });
 *   process.on("SIGHUP", () => void server.reload("SIGHUP", { force: true }));
 */
export async function startServer(config: Config, opts: ServerOptions): Promise<RunningServer> {
  const { log } = opts;
  // Read and checked before listening: a broken prompts folder stops the start, not a question.
  const { generatorFromConfig } = await import("./generator.js");
  const generator = await generatorFromConfig(config, log);
  // The models and dictionary load once, while the server already answers; every reload reuses them.
  let models: Promise<{ embedder: Embedder; languages: LanguageSource }> | null = null;
  const loadModels = () =>
    (models ??= (async () => {
      const { embedderFromConfig, languageSource } = await import("./wire.js");
      // One after the other: loaded side by side, their promise chains starve the event loop for
      // seconds (3 s measured) and /healthz stalls; in turn, no pause exceeds ~0.2 s.
      const embedder = await embedderFromConfig(config, log);
      // The corpus knowledge and dictionary, loaded again only when the knowledge files change. An
      // invalid knowledge file fails the state load that needs it (retried by the next reload).
      const languages = languageSource(config.CORPUS_DIR);
      await languages.current().catch(() => undefined);
      return { embedder, languages };
    })());
  const identify = async () => {
    const m = await readManifest(config.INDEX_DIR);
    return m ? (m.buildId ?? m.builtAt) : null;
  };
  const live = createLiveState({
    load: async () => {
      const [{ embedder, languages }, { loadState }] = await Promise.all([
        loadModels(),
        import("./load-state.js"),
      ]);
      return loadState(config, embedder, await languages.current(), undefined, generator);
    },
    identify,
    log,
    where: config.INDEX_DIR,
  });

  const security = securityFromConfig(config);
  const app = createApp({
    state: live.current,
    status: live.status,
    progress: live.progress,
    maxBodyBytes: config.MAX_BODY_BYTES,
    assets: createAssets(readWidgetFiles()),
    security:
      opts.perAddress === undefined ? security : { ...security, perAddress: opts.perAddress },
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  const perAddress = opts.perAddress ?? config.RATE_LIMIT_PER_ADDRESS;
  log(
    `server: listening on ${url} (${security.sites.size} embedding site(s); ` +
      (perAddress
        ? `${perAddress} requests per ${config.RATE_LIMIT_WINDOW_SECONDS} s per address)`
        : "no per-address limit)"),
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
      else log(`server: the index build failed: ${outcome.error}`);
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
        // Nothing to serve meanwhile: build first, and only then load the models here, so the
        // dictionary's load (which holds the event loop for a second or more) does not compete
        // with the build and /healthz answers throughout.
        await rebuild(quick ?? "the index is unreadable");
        return;
      }
      live.report("loading the embedder and dictionary");
      const { embedder } = await loadModels();
      live.report(null);
      const full = quick ?? (await staleReason(config.CORPUS_DIR, config.INDEX_DIR, embedder.id));
      // A stale index built by this embedder serves while its successor builds.
      const loaded =
        manifest.embedder.id === embedder.id ? await live.reload("startup") : "refused";
      if (full) await rebuild(full);
      else if (loaded === "refused") await rebuild("the index could not be loaded", true);
    } catch (e) {
      log(`server: failed to start serving — ${message(e)}`);
      live.report(`failed: ${message(e)}`);
    }
  })();

  return {
    url,
    live,
    started,
    rebuild,
    reload: (why, o) => live.reload(why, o),
    close: async () => {
      closed = true;
      watcher?.close();
      build?.run.cancel();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
