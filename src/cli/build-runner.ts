import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Config } from "../config.js";
import type { BuildEvent } from "../store/build.js";
import type { Manifest } from "../store/types.js";
import type { BuildMessage } from "./build-messages.js";

/** How a build in another process ended. */
export type BuildOutcome = { ok: true; manifest: Manifest | null } | { ok: false; error: string };

/** A build running in a child process. */
export interface BuildRun {
  readonly pid: number | undefined;
  /** Settles when the child exits; never rejects. */
  readonly done: Promise<BuildOutcome>;
  /** Stops the build (the index in place is untouched: a build only ever renames a finished folder in). */
  cancel(): void;
}

export interface BuildRunOptions {
  force?: boolean;
  onProgress?: (e: BuildEvent) => void;
}

/** The settings as environment variables, so the child parses exactly the server's configuration. */
export function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) if (v !== undefined) env[k] = String(v);
  return env;
}

/** Under tsx the child needs its loader too; compiled JavaScript does not. */
export function loaderArgs(entry: URL): string[] {
  if (!entry.pathname.endsWith(".ts")) return [];
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(tsx).href];
}

/**
 * Runs `npm run index`'s build (only what changed, unless `force`) in a child process, so the
 * server's event loop keeps answering while passages are embedded. Progress arrives over IPC; the
 * child's log lines go to this process's stderr.
 *
 * @example
 *   const run = runBuildInChild(config, { onProgress: (e) => live.report(describe(e)) });
 *   const outcome = await run.done; // { ok: true, manifest } — then reload
 */
export function runBuildInChild(config: Config, opts: BuildRunOptions = {}): BuildRun {
  const entry = new URL(
    import.meta.url.endsWith(".ts") ? "./build-child.ts" : "./build-child.js",
    import.meta.url,
  );
  const child = fork(entry, opts.force ? ["--force"] : [], {
    env: { ...process.env, ...configEnv(config) },
    execArgv: loaderArgs(entry),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let end: BuildOutcome | null = null;
  child.on("message", (m: BuildMessage) => {
    if (m.kind === "progress") opts.onProgress?.(m.event);
    else if (m.kind === "done") end = { ok: true, manifest: m.manifest };
    else end = { ok: false, error: m.message };
  });
  const done = new Promise<BuildOutcome>((resolve) => {
    child.on("error", (e) => resolve({ ok: false, error: e.message }));
    child.on("exit", (code, signal) =>
      resolve(
        end ?? {
          ok: false,
          error: signal
            ? `the build was stopped (${signal})`
            : `the build exited with code ${code}`,
        },
      ),
    );
  });
  return {
    pid: child.pid,
    done,
    cancel: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
