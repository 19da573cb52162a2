import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { createWorkerPool, type PoolOptions, type WorkerPool } from "../../src/pool/pool.js";
import { startWorker } from "../../src/pool/spawn.js";

const FAKE = new URL("../fixtures/fake-worker.ts", import.meta.url);
let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** A pool of stand-in workers (tests/fixtures/fake-worker.ts) serving generation 1. */
async function fakePool(o: Partial<PoolOptions> & { failLoads?: number[] } = {}) {
  const logs: string[] = [];
  pool = createWorkerPool({
    size: 1,
    queuePerWorker: 4,
    timeoutMs: 10_000,
    spawn: () => startWorker(FAKE, { workerData: { failLoads: o.failLoads ?? [] } }),
    log: (m) => logs.push(m),
    ...o,
  });
  const { gen } = await pool.load();
  pool.commit(gen);
  return { pool, logs };
}

const never = () => new AbortController().signal;
const ask = (p: WorkerPool, question: string, signal = never()) => p.ask({ question }, signal);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
async function until(ok: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
}
const state = async (p: WorkerPool) =>
  (await (await p.fetch(new Request("http://pool.test/state"))).json()) as {
    ran: string[];
    cancelled: number[];
  };

describe("the answering pool", () => {
  it("answers on every worker, one job per worker at a time, the rest waiting in order", async () => {
    const { pool } = await fakePool({ size: 2 });
    // A worker whose models come after a load began catches up with the served index.
    await until(() => pool.stats().serving === 2);
    const jobs = ["sleep:150 a", "sleep:150 b", "sleep:10 c", "sleep:10 d"].map((q) =>
      ask(pool, q),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(pool.stats()).toMatchObject({ workers: 2, serving: 2, busy: 2, queued: 2 });
    expect((await Promise.all(jobs)).map((r) => r.answer)).toEqual([
      "sleep:150 a from generation 1",
      "sleep:150 b from generation 1",
      "sleep:10 c from generation 1",
      "sleep:10 d from generation 1",
    ]);
  });

  it("refuses at once, with 503 and Retry-After, what the bounded queue cannot hold", async () => {
    const { pool } = await fakePool({ size: 1, queuePerWorker: 2 });
    const held = ["sleep:200 1", "sleep:10 2", "sleep:10 3"].map((q) => ask(pool, q));
    const t0 = performance.now();
    const refused = await failure(ask(pool, "sleep:10 4"));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused?.code).toBe("overloaded");
    expect(refused?.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await Promise.all(held)).length).toBe(3);
    expect(pool.stats()).toMatchObject({ refused: 1, answered: 3 });
  });

  it("drops a waiting job whose asker has gone, and tells the worker to abort a running one", async () => {
    const { pool } = await fakePool({ size: 1 });
    const running = new AbortController();
    const waiting = new AbortController();
    const a = failure(ask(pool, "sleep:300 running", running.signal));
    const b = failure(ask(pool, "sleep:10 waiting", waiting.signal));
    await new Promise((r) => setTimeout(r, 50));
    waiting.abort();
    running.abort();
    expect((await a)?.code).toBe("cancelled");
    expect((await b)?.code).toBe("cancelled");
    expect(pool.stats()).toMatchObject({ cancelled: 2, answered: 0 });
    const after = await state(pool);
    expect(after.ran).toEqual(["sleep:300 running"]);
    expect(after.cancelled).toHaveLength(1);
  });

  it("answers 503 when a job runs over its budget, and replaces its worker", async () => {
    const { pool, logs } = await fakePool({ size: 1, timeoutMs: 300 });
    const e = await failure(ask(pool, "hang"));
    expect(e?.code).toBe("answer_timeout");
    // The replacement (after a back-off: it died young) loads the served generation, then answers.
    await until(() => pool.stats().serving === 1);
    expect((await ask(pool, "after")).answer).toBe("after from generation 1");
    expect(logs.join("\n")).toMatch(/ran over 300 ms; replacing worker 0/u);
  });

  it("replaces a worker that dies, answering the job it held with a 503", async () => {
    const { pool, logs } = await fakePool({ size: 1 });
    const e = await failure(ask(pool, "crash"));
    expect(e?.code).toBe("overloaded");
    expect((await ask(pool, "after")).answer).toBe("after from generation 1");
    expect(logs.join("\n")).toMatch(/worker 0 exited \(3\); starting another/u);
  });

  it("passes on the text a worker streams while answering, to the asker who listens", async () => {
    const { pool } = await fakePool({ size: 1 });
    const heard: string[] = [];
    const r = await pool.ask({ question: "speak:In 1983|, eleven firms" }, never(), (t) => {
      heard.push(t);
    });
    expect(heard).toEqual(["In 1983", ", eleven firms"]);
    expect(r.answer).toBe("speak:In 1983|, eleven firms from generation 1");
    // Without a listener the worker is not asked to stream.
    await ask(pool, "speak:quiet");
    expect(heard).toHaveLength(2);
  });

  it("keeps serving the old generation when a new one fails to load, with the worker's error", async () => {
    const { pool } = await fakePool({ size: 2, failLoads: [2] });
    const e = await failure(pool.load());
    expect(e).toBeInstanceOf(AppError);
    expect(e?.details).toEqual({ file: "chunks.json", problem: "is not valid JSON" });
    expect((await ask(pool, "still")).answer).toBe("still from generation 1");
    const { gen } = await pool.load();
    pool.commit(gen);
    expect((await ask(pool, "newer")).answer).toBe("newer from generation 3");
  });
});
