import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { probeHealth } from "./health-probe.js";
import { loadAsk } from "./load.js";
import { preparePeer, type PreparedPeer } from "./peer.js";
import { percentile } from "./report.js";
import { startServerProcess, untilReady, type ServerProcess } from "./server-process.js";
import { formatSideBySide, sideBySide, summarise, type Target } from "./side-by-side.js";
import type { Metric } from "./types.js";

export interface ServingBenchOptions {
  /** The checkout whose server is measured (`node --import tsx src/cli/serve.ts` runs there). */
  repoDir: string;
  indexDir: string;
  corpusDir: string;
  bodies: readonly string[];
  levels: readonly number[];
  rounds: number;
  seconds: number;
  /** Seconds at 64 connections with `/healthz` probed throughout; 0 skips it. */
  soakSeconds: number;
  /** The peer's folder (read-only) and where to install it; null: no peer. */
  peer: { source: string; cacheRoot: string; fresh: boolean } | null;
  /** Another checkout of this project to measure beside (e.g. before a change); null: none. */
  baseline: string | null;
  /** Settings for our server besides the index (e.g. WORKERS). */
  env: Record<string, string>;
  log: (m: string) => void;
}

/** Targets of issue 12 and 15 for serving, against the peer where they are ratios. */
export const SERVING_TARGETS = {
  rpsRatio16: 2,
  p99Ratio16: 1,
  cachedRpsRatio16: 10,
  rssPerWorkerMb: 400,
  healthP99Ms: 100,
} as const;

/** A free loopback port (the peer takes its port as an argument). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** This project's server (in `dir`) on an ephemeral loopback port, once its index is loaded. */
function startOurs(
  name: string,
  dir: string,
  o: ServingBenchOptions,
  env: Record<string, string>,
): Promise<ServerProcess> {
  return startServerProcess({
    name,
    command: process.execPath,
    args: ["--import", "tsx", "src/cli/serve.ts"],
    cwd: dir,
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      INDEX_DIR: o.indexDir,
      CORPUS_DIR: o.corpusDir,
      RATE_LIMIT_PER_ADDRESS: "0",
      ...o.env,
      ...env,
    },
    listening: /listening on (http:\/\/\S+)/u,
    ready: (url) => untilReady(url),
  });
}

async function startPeer(peer: PreparedPeer): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess({
    name: "peer",
    command: process.execPath,
    args: ["serve.mjs", String(port), "127.0.0.1"],
    cwd: peer.dir,
    listening: /peer listening on (http:\/\/\S+?)\s/u,
  });
}

const memoryNote = (s: ServerProcess) => {
  const m = s.memory();
  return m ? `${s.name}: peak ${m.peakMb} MB` : `${s.name}: memory unknown (no /proc)`;
};

/**
 * Serves the index with this project's server and the peer (and a baseline checkout, when given)
 * on loopback and loads them side by side with the mixed question set, the answer cache off; then
 * holds ours at 64 connections for `soakSeconds` while `/healthz` is probed; then measures ours
 * with the cache on and the same questions repeated. Returns the table and the metrics.
 *
 * @example
 *   const { table, metrics } = await benchServing({ repoDir: ".", indexDir, corpusDir, bodies, … });
 */
export async function benchServing(
  o: ServingBenchOptions,
): Promise<{ table: string; metrics: Metric[]; notes: string[] }> {
  const { log } = o;
  const notes: string[] = [];
  const metrics: Metric[] = [];
  let peer: PreparedPeer | null = null;
  if (o.peer && existsSync(join(o.peer.source, "serve.mjs")))
    peer = await preparePeer(o.peer.source, o.corpusDir, o.peer.cacheRoot, log, o.peer.fresh);
  else
    notes.push(
      o.peer
        ? `no peer at ${o.peer.source}: measured without it (ratios left out)`
        : "peer not requested: measured without it",
    );

  const servers: ServerProcess[] = [];
  const baselineIndex = join(dirname(o.indexDir), "baseline-current");
  try {
    log("bench: starting the servers…");
    const ours = await startOurs("ours", o.repoDir, o, { ANSWER_CACHE: "0" });
    servers.push(ours);
    const targets: Target[] = [{ name: "ours", url: ours.url, health: true }];
    if (o.baseline) {
      // Its own copy of the index: an older checkout may rebuild what it does not recognise, and
      // two servers must not watch and replace the same folder.
      const indexDir = join(dirname(o.indexDir), "baseline-current");
      await rm(indexDir, { recursive: true, force: true });
      await cp(o.indexDir, indexDir, { recursive: true });
      const before = await startOurs(
        "baseline",
        o.baseline,
        { ...o, indexDir },
        { ANSWER_CACHE: "0" },
      );
      servers.push(before);
      targets.push({ name: "baseline", url: before.url, health: true });
    }
    if (peer) {
      const p = await startPeer(peer);
      servers.push(p);
      targets.push({ name: "peer", url: p.url });
    }
    const workers = Number(/(\d+) answering worker/u.exec(ours.log())?.[1] ?? 1);
    const rows = summarise(await sideBySide(targets, o.bodies, o, log));
    const table = formatSideBySide(rows, peer ? "peer" : undefined);
    for (const s of servers) {
      const m = s.memory();
      if (!m) continue;
      metrics.push({
        name: `${s.name}: RSS after load (MB)`,
        value: m.rssMb,
        note: s === ours ? `${workers} worker(s); ${memoryNote(s)}` : memoryNote(s),
      });
      if (s === ours)
        metrics.push({
          name: "ours: RSS per worker (MB)",
          value: Math.round(m.rssMb / workers),
          atMost: SERVING_TARGETS.rssPerWorkerMb,
          note: "whole process (listener + worker threads) ÷ workers",
        });
    }
    const at = (name: string, c: number) =>
      rows.find((r) => r.name === name && r.connections === c);
    const oursAt16 = at("ours", 16);
    const peerAt16 = at("peer", 16);
    if (oursAt16 && peerAt16) {
      metrics.push({
        name: "req/s at 16 connections ÷ peer",
        value: Math.round((oursAt16.rps / peerAt16.rps) * 100) / 100,
        atLeast: SERVING_TARGETS.rpsRatio16,
        note: `${oursAt16.rps} vs ${peerAt16.rps} req/s, answer cache off`,
      });
      metrics.push({
        name: "p99 at 16 connections ÷ peer",
        value: Math.round((oursAt16.p99 / peerAt16.p99) * 100) / 100,
        atMost: SERVING_TARGETS.p99Ratio16,
        note: `${oursAt16.p99} vs ${peerAt16.p99} ms`,
      });
    }
    for (const r of rows.filter((x) => x.name === "ours"))
      metrics.push({
        name: `ours: errors and non-2xx at ${r.connections} connection(s)`,
        value: r.errors + r.non2xx,
        atMost: 0,
      });

    if (o.soakSeconds > 0) {
      log(`bench: ours at 64 connections for ${o.soakSeconds} s, /healthz probed every 100 ms…`);
      const probe = probeHealth(ours.url, 100);
      const soak = await loadAsk(ours.url, o.bodies, { connections: 64, seconds: o.soakSeconds });
      const health = await probe.stop();
      const failed = health.filter((ms) => !Number.isFinite(ms)).length;
      const non2xx = Object.values(soak.non2xx).reduce((a, b) => a + b, 0);
      metrics.push(
        {
          name: `soak: errors, ${o.soakSeconds} s at 64 connections`,
          value: soak.errors + non2xx,
          atMost: 0,
          note: `${soak.ok} answers, ${soak.rps.toFixed(1)} req/s, p50 ${soak.p50} ms, p99 ${soak.p99} ms; errors ${soak.errors}, non-2xx ${JSON.stringify(soak.non2xx)}`,
        },
        {
          name: "soak: /healthz p99 (ms)",
          value: Math.round(percentile(health, 0.99)),
          atMost: SERVING_TARGETS.healthP99Ms,
          note: `${health.length} probes on fresh connections, max ${Math.round(Math.max(...health))} ms, ${failed} failed`,
        },
      );
    }
    for (const s of servers.splice(0)) await s.stop();

    log("bench: ours with the answer cache on, the same questions repeated…");
    const cached = await startOurs("ours (cache on)", o.repoDir, o, {});
    servers.push(cached);
    await loadAsk(cached.url, o.bodies, { connections: 4, seconds: 2 });
    const warm = await loadAsk(cached.url, o.bodies, { connections: 16, seconds: o.seconds });
    metrics.push({
      name: "cache on: req/s at 16 connections",
      value: Math.round(warm.rps),
      note: `p50 ${warm.p50} ms, p99 ${warm.p99} ms, errors ${warm.errors}`,
    });
    if (peerAt16)
      metrics.push({
        name: "cache on: req/s at 16 ÷ peer",
        value: Math.round((warm.rps / peerAt16.rps) * 10) / 10,
        atLeast: SERVING_TARGETS.cachedRpsRatio16,
      });
    if (peer)
      metrics.push({
        name: "peer: index build (s)",
        value: peer.buildSeconds,
        note: `${peer.chunks ?? "?"} chunks; measured ${peer.buildMeasuredAt}`,
      });
    return { table, metrics, notes };
  } finally {
    for (const s of servers) await s.stop();
    if (o.baseline) await rm(baselineIndex, { recursive: true, force: true });
  }
}
