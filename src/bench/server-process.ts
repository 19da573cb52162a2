import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** A server under test, running as a process of its own on loopback. */
export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Resident memory now and at its peak, in MB (Linux `/proc`; null elsewhere). */
  memory(): { rssMb: number; peakMb: number } | null;
  /** Everything it logged so far. */
  log(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env?: Record<string, string>;
  /** A line of its output that gives its URL in the first group. */
  listening: RegExp;
  /** Resolves once it can answer (e.g. its index is loaded); default: listening is enough. */
  ready?: (url: string) => Promise<void>;
  timeoutMs?: number;
}

const kb = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "mu").exec(status)?.[1] ?? NaN);

/**
 * Starts a server process, waits until it prints `listening` and `ready` resolves, and hands back
 * its URL, memory and a way to stop it. Rejects (having stopped it) when it does not get there.
 *
 * @example
 *   const s = await startServerProcess({ name: "peer", command: process.execPath,
 *     args: ["serve.mjs", "8790"], cwd: dir, listening: /listening on (http:\S+)/u });
 */
export async function startServerProcess(opts: StartOptions): Promise<ServerProcess> {
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const onData = (d: Buffer) => (text += d.toString());
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${opts.name} did not start:\n${text.slice(-2000)}`)),
        opts.timeoutMs ?? 120_000,
      );
      const check = () => {
        const m = opts.listening.exec(text);
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]!);
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${opts.name} exited (${code}) before listening:\n${text.slice(-2000)}`));
      });
    });
    await opts.ready?.(url);
    const pid = child.pid!;
    return {
      name: opts.name,
      url,
      pid,
      log: () => text,
      memory() {
        try {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          return {
            rssMb: Math.round(kb(status, "VmRSS") / 1024),
            peakMb: Math.round(kb(status, "VmHWM") / 1024),
          };
        } catch {
          return null;
        }
      },
      stop,
    };
  } catch (e) {
    await stop(2000);
    throw e;
  }
}

/** Whether every answering worker serves the index, when `/healthz` says how many there are. */
async function allWorkersServing(url: string): Promise<boolean> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) }).catch(
    () => null,
  );
  const body = (await res?.json().catch(() => null)) as {
    workers?: { workers: number; serving: number };
  } | null;
  return !body?.workers || body.workers.serving === body.workers.workers;
}

/**
 * Resolves when `url/readyz` answers 200 (the index is loaded) and, for a server with a worker
 * pool, every worker serves it (a worker still loading would take a core from the measurement),
 * polling every 250 ms.
 *
 * @example
 *   await untilReady("http://127.0.0.1:8787", 120_000);
 */
export async function untilReady(url: string, timeoutMs = 180_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) }).catch(
      () => null,
    );
    await res?.body?.cancel();
    if (res?.status === 200 && (await allWorkersServing(url))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}
