import type { Worker } from "node:worker_threads";
import { AppError } from "../errors.js";
import type { AskRequest } from "../http/schemas.js";
import type { AskResponse, Backend } from "../http/state.js";
import type { Manifest } from "../store/types.js";
import type { FromWorker, Job, ToWorker, WireResponse } from "./messages.js";
import { fromWire, responseFromWire } from "./wire.js";

export interface PoolOptions {
  /** Worker threads. */
  size: number;
  /** Jobs that may wait per worker; beyond, `submit` refuses at once (503 with Retry-After). */
  queuePerWorker: number;
  /** A job's budget from arrival: a queued job is refused after it, a running one answered 503 and its worker replaced. */
  timeoutMs: number;
  /** Starts worker number `index` (the server runs `src/pool/worker.ts`; tests pass stand-ins). */
  spawn: (index: number) => Worker;
  log: (message: string) => void;
}

/** How busy the pool is, for `/healthz`. */
export interface PoolStats {
  workers: number;
  /** Workers with an index to answer from. */
  serving: number;
  busy: number;
  queued: number;
  /** Jobs that may wait before requests are refused. */
  queueCapacity: number;
  /** Since start: jobs answered, refused at once (queue full), and dropped because their asker left. */
  answered: number;
  refused: number;
  cancelled: number;
}

/** A served generation: what every worker loaded, as the live state holds it. */
export interface PoolGeneration {
  gen: number;
  manifest: Manifest;
}

/** Answering worker threads behind a bounded queue; a {@link Backend} for the app. */
export interface WorkerPool extends Backend {
  readonly size: number;
  /** Resolves with the embedder's id once one worker has loaded the models. */
  models(): Promise<{ embedderId: string }>;
  /** Every worker loads the index on disk beside the one it serves; resolves when all have. */
  load(): Promise<PoolGeneration>;
  /** Every worker serves `gen` (loaded by `load`); workers that start later load it first. */
  commit(gen: number): void;
  stats(): PoolStats;
  /** Refuses what waits, stops every worker. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  job: Job;
  settled: boolean;
  resolve: (value: AskResponse | WireResponse) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
  startedAt: number;
  cleanup: () => void;
  /** Hears the text a worker sends while answering (a generative answer's verified sentences). */
  onText?: (text: string) => void | Promise<void>;
}

interface Slot {
  index: number;
  worker: Worker;
  alive: boolean;
  /** The generation it answers from, or null before its first commit. */
  serving: number | null;
  /** Whether its models are loaded (it can load an index). */
  models: boolean;
  /** The newest generation it has loaded but not yet been told to serve. */
  loaded: number | null;
  task: Task | null;
  spawnedAt: number;
  /** Consecutive early deaths, for the restart back-off. */
  crashes: number;
  /** Being stopped on purpose (a job over its budget): replaced at once, not counted as a crash. */
  replacing: boolean;
}

interface Loading {
  gen: number;
  waiting: Set<Slot>;
  manifests: Manifest[];
  resolve: (g: PoolGeneration) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of answering worker threads. Jobs wait in one FIFO queue bounded at `size ×
 * queuePerWorker` (a worker takes the next job as soon as it is free, so no job waits behind a slow
 * one while another worker idles); beyond it a job is refused at once with 503 and a `Retry-After`
 * from the recent service time. A job whose asker goes away is dropped from the queue or, when
 * running, its worker is told to abort. A job over its time budget is answered 503 and its worker
 * replaced; a worker that dies is replaced (with a back-off when it keeps dying).
 *
 * @example
 *   const pool = createWorkerPool({ size: 2, queuePerWorker: 32, timeoutMs: 30_000, spawn, log });
 *   const { gen } = await pool.load(); pool.commit(gen);
 *   await pool.ask({ question: "Where is ZGC?" }, signal);
 */
export function createWorkerPool(opts: PoolOptions): WorkerPool {
  const slots: Slot[] = [];
  const queue: Task[] = [];
  const capacity = opts.size * opts.queuePerWorker;
  let nextId = 1;
  let nextGen = 1;
  let committed: number | null = null;
  let loading: Loading | null = null;
  let closed = false;
  let serviceMs = 200;
  let embedderId: string | null = null;
  const counts = { answered: 0, refused: 0, cancelled: 0 };
  const modelWaiters: Array<{
    resolve: (v: { embedderId: string }) => void;
    reject: (e: Error) => void;
  }> = [];
  let modelFailures = 0;

  const send = (slot: Slot, m: ToWorker, transfer: ArrayBuffer[] = []) => {
    if (slot.alive) slot.worker.postMessage(m, transfer);
  };
  const retryAfter = () =>
    Math.min(30, Math.max(1, Math.ceil(((queue.length + 1) * serviceMs) / opts.size / 1000)));
  const overloaded = (why: string) =>
    new AppError("overloaded", `${why}; try again in a few seconds.`, {
      retryAfter: retryAfter(),
    });

  function settle(task: Task, outcome: { value: AskResponse | WireResponse } | { error: Error }) {
    if (task.settled) return;
    task.settled = true;
    clearTimeout(task.timer);
    task.cleanup();
    if ("value" in outcome) task.resolve(outcome.value);
    else task.reject(outcome.error);
  }

  function dispatch() {
    while (queue.length) {
      const slot = slots.find((s) => s.alive && s.serving !== null && !s.task);
      if (!slot) return;
      const task = queue.shift()!;
      task.slot = slot;
      task.startedAt = performance.now();
      slot.task = task;
      const transfer = task.job.kind === "fetch" && task.job.body ? [task.job.body] : [];
      send(slot, { type: "run", id: task.id, job: task.job }, transfer);
    }
  }

  function onMessage(slot: Slot, m: FromWorker) {
    switch (m.type) {
      case "models":
        slot.crashes = 0;
        slot.models = true;
        embedderId ??= m.embedderId;
        for (const w of modelWaiters.splice(0)) w.resolve({ embedderId: m.embedderId });
        // A worker that (re)started joins a load under way, else catches up with the served index.
        if (loading) {
          loading.waiting.add(slot);
          send(slot, { type: "load", gen: loading.gen });
        } else if (committed !== null) send(slot, { type: "load", gen: committed });
        break;
      case "models-failed":
        opts.log(`server: worker ${slot.index} could not load the models: ${m.error.message}`);
        if (++modelFailures >= opts.size)
          for (const w of modelWaiters.splice(0)) w.reject(fromWire(m.error));
        break;
      case "loaded":
        slot.loaded = m.gen;
        if (loading?.gen === m.gen && loading.waiting.delete(slot)) {
          loading.manifests.push(m.manifest);
          if (!loading.waiting.size) finishLoading();
        } else if (m.gen === committed) serve(slot, m.gen);
        break;
      case "load-failed":
        if (loading?.gen === m.gen && loading.waiting.has(slot)) {
          const l = loading;
          loading = null;
          for (const s of slots) send(s, { type: "discard", gen: l.gen });
          l.reject(fromWire(m.error));
          catchUp();
        } else if (m.gen === committed)
          opts.log(
            `server: worker ${slot.index} could not load the served index: ${m.error.message}`,
          );
        break;
      case "text": {
        const task = slot.task;
        // The listener streams it on; a slow client must not stall the pool, hence no await.
        if (task?.id === m.id && !task.settled)
          void Promise.resolve(task.onText?.(m.text)).catch(() => undefined);
        break;
      }
      case "result":
      case "failed": {
        const task = slot.task;
        if (!task || task.id !== m.id) break;
        slot.task = null;
        serviceMs = 0.8 * serviceMs + 0.2 * (performance.now() - task.startedAt);
        if (m.type === "result" && !task.settled) counts.answered++;
        settle(task, m.type === "result" ? { value: m.value } : { error: fromWire(m.error) });
        dispatch();
        break;
      }
    }
  }

  /** Tells a worker to serve `gen`, which it has loaded. */
  function serve(slot: Slot, gen: number) {
    send(slot, { type: "commit", gen });
    slot.serving = gen;
    slot.loaded = null;
    dispatch();
  }

  /** Workers with models but without the served generation load it (e.g. after a failed load). */
  function catchUp() {
    if (committed === null) return;
    for (const s of slots)
      if (s.alive && s.models && s.serving !== committed && s.loaded !== committed)
        send(s, { type: "load", gen: committed });
  }

  function finishLoading() {
    const l = loading!;
    loading = null;
    const ids = new Set(l.manifests.map((m) => m.buildId ?? m.builtAt));
    if (ids.size > 1 || !l.manifests[0]) {
      for (const s of slots) send(s, { type: "discard", gen: l.gen });
      l.reject(new Error("the index changed while the workers were loading it"));
      return;
    }
    l.resolve({ gen: l.gen, manifest: l.manifests[0] });
  }

  function start(index: number, crashes = 0) {
    const worker = opts.spawn(index);
    const slot: Slot = {
      index,
      worker,
      alive: true,
      serving: null,
      models: false,
      loaded: null,
      task: null,
      spawnedAt: performance.now(),
      crashes,
      replacing: false,
    };
    slots[index] = slot;
    worker.on("message", (m: FromWorker) => onMessage(slot, m));
    worker.on("error", (e: Error) => opts.log(`server: worker ${index} failed: ${e.message}`));
    worker.on("exit", (code) => {
      slot.alive = false;
      if (slot.task)
        settle(slot.task, { error: overloaded("The worker answering this request stopped") });
      slot.task = null;
      if (loading?.waiting.delete(slot) && !loading.waiting.size) {
        if (loading.manifests.length) finishLoading();
        else {
          loading.reject(new Error("the answering workers stopped while loading the index"));
          loading = null;
        }
      }
      if (closed) return;
      const early = !slot.replacing && performance.now() - slot.spawnedAt < 30_000;
      const next = early ? slot.crashes + 1 : 0;
      const delay = early ? Math.min(60_000, 1000 * 2 ** (next - 1)) : 0;
      opts.log(
        `server: worker ${index} exited (${code}); starting another${delay ? ` in ${delay / 1000} s` : ""}.`,
      );
      setTimeout(() => !closed && start(index, next), delay).unref();
      dispatch();
    });
  }

  function submit(
    job: Job,
    signal?: AbortSignal,
    onText?: (text: string) => void | Promise<void>,
  ): Promise<AskResponse | WireResponse> {
    if (closed) return Promise.reject(overloaded("The server is shutting down"));
    if (signal?.aborted) return Promise.reject(new AppError("cancelled"));
    const idle = slots.some((s) => s.alive && s.serving !== null && !s.task);
    if (!idle && queue.length >= capacity) {
      counts.refused++;
      return Promise.reject(overloaded("Every worker is busy and the queue is full"));
    }
    return new Promise((resolve, reject) => {
      const task: Task = {
        id: nextId++,
        job,
        settled: false,
        resolve,
        reject,
        slot: null,
        startedAt: 0,
        cleanup: () => undefined,
        onText,
        timer: setTimeout(() => {
          const i = queue.indexOf(task);
          if (i >= 0) {
            queue.splice(i, 1);
            return settle(task, { error: overloaded("The request waited too long for a worker") });
          }
          settle(task, { error: new AppError("answer_timeout") });
          // Its worker is stuck or far too slow: replace it rather than let it hold a slot.
          const slot = task.slot;
          if (slot?.alive && !slot.replacing) {
            opts.log(
              `server: a request ran over ${opts.timeoutMs} ms; replacing worker ${slot.index}.`,
            );
            slot.replacing = true;
            slot.serving = null;
            void slot.worker.terminate();
          }
        }, opts.timeoutMs),
      };
      if (signal) {
        const onAbort = () => {
          const i = queue.indexOf(task);
          if (i >= 0) queue.splice(i, 1);
          else if (task.slot) send(task.slot, { type: "cancel", id: task.id });
          if (!task.settled) counts.cancelled++;
          settle(task, { error: new AppError("cancelled") });
        };
        signal.addEventListener("abort", onAbort, { once: true });
        task.cleanup = () => signal.removeEventListener("abort", onAbort);
      }
      queue.push(task);
      dispatch();
    });
  }

  for (let i = 0; i < opts.size; i++) start(i);

  return {
    size: opts.size,
    models: () =>
      embedderId
        ? Promise.resolve({ embedderId })
        : new Promise((resolve, reject) => modelWaiters.push({ resolve, reject })),
    load() {
      if (loading) return Promise.reject(new Error("a load is already under way"));
      return new Promise((resolve, reject) => {
        const gen = nextGen++;
        // Workers still loading their models join when they are done (see "models").
        const ready = slots.filter((s) => s.alive && s.models);
        loading = { gen, waiting: new Set(), manifests: [], resolve, reject };
        for (const s of ready) {
          loading.waiting.add(s);
          send(s, { type: "load", gen });
        }
        if (!ready.length && slots.every((s) => !s.alive))
          return reject(new Error("no answering worker is running"));
      });
    },
    commit(gen) {
      committed = gen;
      for (const s of slots) if (s.alive && s.loaded === gen) serve(s, gen);
      catchUp();
    },
    ask: async (body: AskRequest, signal: AbortSignal, onText) =>
      (await submit({ kind: "ask", body, stream: Boolean(onText) }, signal, onText)) as AskResponse,
    async fetch(request) {
      const body =
        request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
      const res = await submit(
        {
          kind: "fetch",
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body,
        },
        request.signal,
      );
      return responseFromWire(res as WireResponse);
    },
    stats: () => ({
      workers: opts.size,
      serving: slots.filter((s) => s.alive && s.serving !== null).length,
      busy: slots.filter((s) => s.task).length,
      queued: queue.length,
      queueCapacity: capacity,
      ...counts,
    }),
    async close() {
      closed = true;
      for (const t of queue.splice(0))
        settle(t, { error: overloaded("The server is shutting down") });
      await Promise.all(slots.map((s) => (s.alive ? s.worker.terminate() : undefined)));
    },
  };
}
