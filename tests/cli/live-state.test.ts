import { describe, expect, it } from "vitest";
import { createLiveState } from "../../src/cli/live-state.js";
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
    expect(live.status()).toBe("no index in index/current yet");
  });
});
