import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { configEnv, loaderArgs } from "../cli/build-runner.js";
import type { Config } from "../config.js";
import type { Metric } from "./types.js";

/**
 * Starts the server as `npm start` runs it (without npm itself) on an empty index folder and times,
 * from the spawn, the first `/healthz` 200 and the first `/api/ask` 503; then stops it (which also
 * stops the index build it began).
 */
export async function benchFirstStart(config: Config, workDir: string): Promise<Metric[]> {
  const indexDir = join(workDir, "first-start", "current");
  await mkdir(join(indexDir, ".."), { recursive: true });
  const entry = new URL(
    import.meta.url.endsWith(".ts") ? "../cli/serve.ts" : "../cli/serve.js",
    import.meta.url,
  );
  const t0 = performance.now();
  const child = spawn(process.execPath, [...loaderArgs(entry), entry.pathname], {
    env: {
      ...process.env,
      ...configEnv(config),
      PORT: "0",
      HOST: "127.0.0.1",
      INDEX_DIR: indexDir,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise((r) => child.on("exit", r));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let log = "";
      const timer = setTimeout(
        () => reject(new Error(`the server did not start:\n${log}`)),
        30_000,
      );
      child.stderr.on("data", (d: Buffer) => {
        log += d.toString();
        const m = /listening on (http:\/\/\S+)/u.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const firstOk = async (path: string, want: number, init?: RequestInit) => {
      for (;;) {
        const res = await fetch(`${base}${path}`, init).catch(() => null);
        if (res?.status === want) return Math.round(performance.now() - t0);
        if (performance.now() - t0 > 30_000) throw new Error(`no ${want} from ${path}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const health = await firstOk("/healthz", 200);
    const unavailable = await firstOk("/api/ask", 503, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"question":"How many firms?"}',
    });
    return [
      {
        name: "first start: /healthz 200 (ms)",
        value: health,
        atMost: 1000,
        note: "from spawn, empty index",
      },
      { name: "first start: /api/ask 503 (ms)", value: unavailable, atMost: 1000 },
    ];
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
