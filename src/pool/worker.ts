import { parentPort, workerData } from "node:worker_threads";
import { usesDense } from "../answer/service.js";
import { embedderFromConfig } from "../cli/wire.js";
import { deferredEmbedder } from "../embed/deferred.js";
import { AppError } from "../errors.js";
import { shippedWeights } from "../learn/shipped.js";
import { loadModels, loadServingState, type Models } from "../cli/serving-state.js";
import { localBackend } from "../http/backend.js";
import type { AppDeps, ReadyState } from "../http/state.js";
import type { FromWorker, Job, ToWorker, WorkerInit } from "./messages.js";
import { probeEmbedder } from "./probe.js";
import { pruneInThread } from "./prune.js";
import { responseToWire, toWire } from "./wire.js";

/**
 * An answering worker thread: loads the models once, then the index whenever the listener says so
 * (beside the one it serves, swapped in on `commit`), and answers the jobs it is given with the
 * same routes the app runs in-process. A job's `cancel` aborts its signal.
 */
const port = parentPort;
if (!port) throw new Error("src/pool/worker.ts runs as a worker thread of the answering pool");
const { config, index } = workerData as WorkerInit;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const log = (m: string) => void process.stderr.write(`${m}\n`);

let current: ReadyState | null = null;
const pending = new Map<number, ReadyState>();
const running = new Map<number, AbortController>();
const deps: AppDeps = {
  state: () => current,
  status: () => (current ? "ready" : "loading the index"),
};
const backend = localBackend(deps);

// Worker 0 says which models it loaded; the others would only repeat it.
// With ranking weights that give the dense features no say, questions are never embedded: the
// worker learns the embedder's identity from a thread that loads it and ends, and loads the model
// itself only if ever asked to embed (it saves ~100 MB per worker).
const deferred = usesDense(shippedWeights())
  ? undefined
  : async () =>
      deferredEmbedder(await probeEmbedder(config, index !== 0), () =>
        embedderFromConfig(config, log),
      );
// The dictionary is pruned to the served documents in a thread of its own (~40 MB less per worker).
const models: Promise<Models> = loadModels(config, index === 0 ? log : () => undefined, log, {
  loadEmbedder: deferred,
  prune: (sources) => pruneInThread(config.CORPUS_DIR, sources),
});
models.then(
  (m) => post({ type: "models", embedderId: m.embedder.id }),
  (e: unknown) => post({ type: "models-failed", error: toWire(e) }),
);

async function answer(id: number, job: Job): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    if (job.kind === "ask") {
      // A generative answer's verified sentences go to the listener as they are accepted.
      const onText = job.stream ? (text: string) => post({ type: "text", id, text }) : undefined;
      const value = await backend.ask(job.body, controller.signal, onText);
      post({ type: "result", id, value });
    } else {
      const request = new Request(job.url, {
        method: job.method,
        headers: job.headers,
        body: job.method === "GET" || job.method === "HEAD" ? null : job.body,
        signal: controller.signal,
      });
      const value = await responseToWire(await backend.fetch(request));
      post({ type: "result", id, value }, [value.body]);
    }
  } catch (e) {
    post({ type: "failed", id, error: toWire(e) });
  } finally {
    running.delete(id);
  }
}

port.on("message", (m: ToWorker) => {
  switch (m.type) {
    case "run":
      void answer(m.id, m.job);
      break;
    case "cancel":
      running.get(m.id)?.abort(new AppError("cancelled"));
      break;
    case "load":
      void (async () => {
        try {
          const state = await loadServingState(config, await models);
          // Only the newest load waits for its commit: an older one will never be served.
          for (const gen of pending.keys()) if (gen < m.gen) pending.delete(gen);
          pending.set(m.gen, state);
          post({ type: "loaded", gen: m.gen, manifest: state.manifest });
        } catch (e) {
          post({ type: "load-failed", gen: m.gen, error: toWire(e) });
        }
      })();
      break;
    case "commit": {
      const next = pending.get(m.gen);
      if (next) current = next;
      for (const gen of pending.keys()) if (gen <= m.gen) pending.delete(gen);
      break;
    }
    case "discard":
      pending.delete(m.gen);
      break;
  }
});
