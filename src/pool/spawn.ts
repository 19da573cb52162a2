import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread running `entry`. Under tsx (a `.ts` entry) the worker registers tsx's
 * loader before importing it: Node 20 does not pass a parent's `--import` hooks to worker threads.
 *
 * @example
 *   const w = startWorker(new URL("./worker.ts", import.meta.url), { workerData });
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, options);
  const api = tsxEsmApi();
  const boot =
    `import(${JSON.stringify(api)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })` +
    `.catch((e) => { process.exitCode = 1; throw e; });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * The ESM build of tsx's API, from its package's exports (resolving from here would pick the
 * CommonJS build, whose `register` does not hook ES module imports).
 */
function tsxEsmApi(): string {
  const pkg = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(pkg, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const file = exports["./esm/api"]?.import?.default;
  if (!file) throw new Error("tsx's package does not export ./esm/api for import");
  return pathToFileURL(join(dirname(pkg), file)).href;
}

/**
 * Runs `entry` in a short-lived thread and resolves with what it posts first: `{ error }` rejects
 * with `fail(error)`, so does a thread that ends or fails before posting. The thread's memory goes
 * with it (what a worker learns this way it does not keep).
 *
 * @example
 *   const identity = await runInThread(PROBE_ENTRY, { config }, (m) => new Error(m));
 */
export function runInThread<T>(
  entry: URL,
  workerData: unknown,
  fail: (message: string) => Error,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, { workerData });
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) f();
      settled = true;
    };
    worker.once("message", (m: { result?: T; error?: string }) =>
      settle(() =>
        m.result === undefined ? reject(fail(m.error ?? "no result")) : resolve(m.result),
      ),
    );
    worker.once("error", (e) => settle(() => reject(e)));
    worker.once("exit", (code) =>
      settle(() => reject(fail(`the thread ended (exit code ${code})`))),
    );
  });
}

/** The answering worker's entry beside this module (`.ts` under tsx, `.js` when compiled). */
export const WORKER_ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js",
  import.meta.url,
);
