import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliProcess } from "../fixtures/processes.js";
import { ADDED_DOCUMENT, SMALL_CORPUS, writeCorpus } from "../fixtures/small-corpus.js";

// `npm start` as a process of its own, on an empty index over a small corpus, with the offline
// encoder: it must answer at once, build in the background, and take new indexes without a restart.
let root = "";
let server: CliProcess | null = null;
afterAll(async () => {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(1000) });
const ask = (base: string, question: string) =>
  fetch(`${base}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
    signal: AbortSignal.timeout(10_000),
  });
const readyz = async (base: string) =>
  (await (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(15_000) })).json()) as {
    ready: boolean;
    buildId?: string;
    counts?: { documents: number };
  };
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("npm start (a server process)", () => {
  it("answers /healthz and a 503 with progress at once, builds off the event loop, then reloads new indexes without a restart", async () => {
    root = await mkdtemp(join(tmpdir(), "qa-serve-"));
    const corpusDir = join(root, "corpus");
    const indexDir = join(root, "index", "current");
    await writeCorpus(corpusDir, SMALL_CORPUS);
    await mkdir(join(root, "index"));
    const env = {
      PORT: "0",
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      EMBEDDER: "use-lite",
      RATE_LIMIT_PER_ADDRESS: "0",
    };
    server = runCli("serve.ts", env);
    const [, base] = await server.waitFor(/listening on (http:\/\/\S+)/u, 30_000);

    // Within a second of listening (each request may take at most one second).
    const health = await get(`${base}/healthz`);
    expect(health.status).toBe(200);
    const early = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "When did Hsinchu Science Park open?" }),
      signal: AbortSignal.timeout(1000),
    });
    expect(early.status).toBe(503);
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(early.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
    expect((await early.json()).progress.phase).toMatch(/building the index/u);

    // The build runs in another process: while it does, the server answers at once. (Loading the
    // models and index afterwards holds the event loop for a moment; the phase tells them apart.)
    const slowWhileBuilding: string[] = [];
    const first = await until(
      async () => {
        const t0 = performance.now();
        const h = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(15_000) });
        const { phase } = (await h.json()) as { phase: string };
        const ms = performance.now() - t0;
        if (/building/u.test(phase) && ms > 1000) slowWhileBuilding.push(`${phase}: ${ms} ms`);
        return readyz(base!);
      },
      (r) => r.ready,
      60_000,
    );
    expect(slowWhileBuilding).toEqual([]);
    expect(first).toMatchObject({ ready: true, counts: { documents: 2 } });
    const before = await (await ask(base!, ADDED_DOCUMENT.question)).json();
    expect(before.citations.map((c: { source: string }) => c.source)).not.toContain(
      ADDED_DOCUMENT.source,
    );

    // Add a document and run the index job beside the running server.
    await writeFile(join(corpusDir, ADDED_DOCUMENT.source), ADDED_DOCUMENT.text);
    const job = runCli("index.ts", env);
    expect(await job.exited).toBe(0);
    expect(job.log()).toMatch(/\(2 unchanged, reused\)/u);
    expect(job.log()).toContain(`"tainan-science-park": {`);
    expect(job.log()).toContain(`"title": "${ADDED_DOCUMENT.heading}"`);

    const second = await until(
      () => readyz(base!),
      (r) => r.counts?.documents === 3,
      30_000,
    );
    expect(second.buildId).not.toBe(first.buildId);
    await server.waitFor(/serving index \S+ \(new index on disk\)/u, 5000);
    const after = await (await ask(base!, ADDED_DOCUMENT.question)).json();
    expect(after.abstained).toBe(false);
    expect(after.answer).toContain(ADDED_DOCUMENT.answer);
    expect(after.citations[0].source).toBe(ADDED_DOCUMENT.source);
    const doc = await (await get(`${base}/api/documents/tainan-science-park`)).json();
    expect(doc.title).toBe(ADDED_DOCUMENT.heading);

    // SIGHUP loads the index and catalog again.
    server.child.kill("SIGHUP");
    await server.waitFor(/serving index \S+ \(SIGHUP\)/u, 15_000);

    // A damaged index swapped in is refused; the one in service keeps answering.
    const broken = join(root, "index", ".broken");
    await cp(indexDir, broken, { recursive: true });
    const chunks = JSON.parse(await readFile(join(broken, "chunks.json"), "utf8")) as unknown[];
    await writeFile(join(broken, "chunks.json"), JSON.stringify(chunks.slice(1)));
    const manifest = JSON.parse(await readFile(join(broken, "manifest.json"), "utf8"));
    await writeFile(
      join(broken, "manifest.json"),
      JSON.stringify({ ...manifest, buildId: "0000damaged0000" }),
    );
    await rename(indexDir, join(root, "index", ".old"));
    await rename(broken, indexDir);
    await server.waitFor(
      /index 0000damaged0000 .* refused .*chunks\.json does not match its checksum.* still serving index/u,
      15_000,
    );
    expect((await readyz(base!)).buildId).toBe(second.buildId);
    const still = await (await ask(base!, ADDED_DOCUMENT.question)).json();
    expect(still.citations[0].source).toBe(ADDED_DOCUMENT.source);
  }, 150_000);
});
