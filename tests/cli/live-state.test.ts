import { describe, expect, it } from "vitest";
import { createLiveState } from "../../src/cli/live-state.js";
import { AppError } from "../../src/errors.js";
import { createApp } from "../../src/http/app.js";
import type { ReadyState } from "../../src/http/state.js";

/** A stand-in state whose answers name it; `gate` holds an answer until it resolves. */
function fakeState(buildId: string, gate?: Promise<void>): ReadyState {
  return {
    manifest: {
      buildId,
      builtAt: "2026-11-30T00:00:00.000Z",
      counts: { documents: 1, chunks: 1, tables: 0, terms: 1 },
    },
    qa: {
      ask: async () => {
        await gate;
        return { answer: `from ${buildId}`, abstained: true, citations: [], passages: [] };
      },
    },
  } as unknown as ReadyState;
}

/** A live state over a fake disk: `onDisk` is the build id there, `loads` what each build id loads. */
function setup() {
  const disk = { id: null as string | null, loads: new Map<string, () => Promise<ReadyState>>() };
  const logs: string[] = [];
  let loadCount = 0;
  const live = createLiveState({
    identify: async () => disk.id,
    load: async () => {
      loadCount++;
      const load = disk.loads.get(disk.id ?? "");
      if (!load) throw new Error(`nothing at ${disk.id}`);
      return load();
    },
    log: (m) => logs.push(m),
    where: "index/current",
  });
  const app = createApp({ state: live.current, status: live.status, progress: live.progress });
  const ask = () =>
    app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "Which state answers?" }),
    });
  return { disk, logs, live, app, ask, loads: () => loadCount };
}

describe("live state", () => {
  it("answers 503 with Retry-After and the progress while nothing is loaded", async () => {
    const { live, ask, app } = setup();
    live.report("building the index: embedding passages", {
      phase: "building the index: embedding passages",
      done: 64,
      total: 480,
      etaSeconds: 41.2,
    });
    const res = await ask();
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
    expect(res.headers.get("retry-after")).toBe("30");
    const body = await res.json();
    expect(body).toMatchObject({
      status: 503,
      type: "urn:problem:index_not_ready",
      progress: { done: 64, total: 480, phase: "building the index: embedding passages" },
    });
    expect(body.detail).toContain("embedding passages");
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, progress: { done: 64 } });
    expect((await app.request("/healthz")).status).toBe(200);
  });

  it("swaps in a new index while a request on the old one runs to its end on the old one", async () => {
    const { disk, live, ask } = setup();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    disk.id = "a";
    disk.loads.set("a", async () => fakeState("a", gate));
    disk.loads.set("b", async () => fakeState("b"));
    expect(await live.reload("startup")).toBe("swapped");

    const during = ask();
    await new Promise((r) => setTimeout(r, 10));
    disk.id = "b";
    expect(await live.reload("new index on disk")).toBe("swapped");
    expect((await (await ask()).json()).answer).toBe("from b");
    release();
    expect((await (await during).json()).answer).toBe("from a");
  });

  it("refuses an index that does not load, logs why and keeps serving the old one", async () => {
    const { disk, live, logs, ask } = setup();
    disk.id = "a";
    disk.loads.set("a", async () => fakeState("a"));
    await live.reload("startup");
    disk.id = "broken";
    disk.loads.set("broken", async () => {
      throw new Error("The index in index/current is inconsistent (3 passages, 2 vectors)");
    });
    expect(await live.reload("new index on disk")).toBe("refused");
    expect(logs.at(-1)).toMatch(
      /index broken in index\/current refused \(new index on disk\): .*inconsistent.* still serving index a/u,
    );
    expect(live.status()).toBe("ready");
    expect((await (await ask()).json()).answer).toBe("from a");
  });

  it("does not load the build it serves again, unless forced", async () => {
    const { disk, live, loads } = setup();
    disk.id = "a";
    disk.loads.set("a", async () => fakeState("a"));
    await live.reload("startup");
    expect(await live.reload("watcher")).toBe("unchanged");
    expect(loads()).toBe(1);
    expect(await live.reload("SIGHUP", { force: true })).toBe("swapped");
    expect(loads()).toBe(2);
  });

  it("loads again when the index is replaced while it is being read", async () => {
    const { disk, live } = setup();
    disk.id = "a";
    disk.loads.set("a", async () => {
      disk.id = "b"; // another build swaps its folder in mid-read
      return fakeState("a");
    });
    disk.loads.set("b", async () => fakeState("b"));
    await live.reload("startup");
    expect(live.current()?.manifest.buildId).toBe("b");
  });

  it("runs one load at a time", async () => {
    const { disk, live } = setup();
    let running = 0;
    let most = 0;
    disk.id = "a";
    disk.loads.set("a", async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return fakeState("a");
    });
    await Promise.all([
      live.reload("one", { force: true }),
      live.reload("two", { force: true }),
      live.reload("three", { force: true }),
    ]);
    expect(most).toBe(1);
  });

  it("says there is no index yet when there is none", async () => {
    const { live } = setup();
    expect(await live.reload("startup")).toBe("missing");
    // What a client may see names no folder.
    expect(live.status()).toBe("no index yet");
  });

  it("reports a damaged index as failed, naming the file; the API answers a fixed 503 without Retry-After", async () => {
    const { disk, live, logs } = setup();
    disk.id = "bad";
    disk.loads.set("bad", async () => {
      throw new AppError(
        "index_invalid",
        "The index in /srv/qa/index/current is damaged: chunks.json is not valid JSON (Unexpected token '\u0000', \"\u0000garbage\" is not valid JSON)",
        { details: { file: "chunks.json", problem: "is not valid JSON" } },
      );
    });
    expect(await live.reload("startup")).toBe("refused");
    expect(logs.at(-1)).toMatch(/\/srv\/qa\/index\/current is damaged: chunks\.json/u);
    const app = createApp({
      state: () => null,
      status: live.status,
      progress: live.progress,
      readiness: live.readiness,
    });

    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      ready: false,
      state: "failed",
      status: "failed: index file chunks.json is not valid JSON",
    });
    const health = await app.request("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", state: "failed" });

    for (const res of [
      await app.request("/api/ask", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "Which state answers?" }),
      }),
      await app.request("/api/documents"),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeNull();
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({
        type: "urn:problem:index_invalid",
        detail: expect.stringMatching(/^The index could not be loaded/u),
      });
      expect(text).not.toMatch(/\/srv|chunks\.json|garbage|\\u0000/u);
    }
    const page = await app.request("/p/p1", { headers: { accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBeNull();
    expect(await page.text()).not.toMatch(/\/srv|garbage/u);
  });

  it("is loading, not failed, while a load is under way, and ready again after a good index", async () => {
    const { disk, live } = setup();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    disk.id = "a";
    disk.loads.set("a", async () => (await gate, fakeState("a")));
    const loading = live.reload("startup");
    await new Promise((r) => setTimeout(r, 10));
    expect(live.readiness().state).toBe("loading");
    release();
    await loading;
    expect(live.readiness()).toMatchObject({ state: "ready", manifest: { buildId: "a" } });
  });
});
