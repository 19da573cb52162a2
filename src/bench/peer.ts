import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The peer (a LangChain.js pipeline kept outside this repository), installed and indexed. */
export interface PreparedPeer {
  dir: string;
  /** Seconds its index build took, and whether that was measured in this run or an earlier one. */
  buildSeconds: number;
  buildMeasuredAt: string;
  chunks: number | null;
}

const PEER_FILES = /\.(mjs|json)$/u;

/** Runs a command, resolving with its output; rejects with the output's tail when it fails. */
function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${out.slice(-2000)}`)),
    );
  });
}

async function hashFiles(dir: string, names: readonly string[]): Promise<string> {
  const h = createHash("sha256");
  for (const name of [...names].sort()) h.update(name).update(await readFile(join(dir, name)));
  return h.digest("hex").slice(0, 16);
}

/**
 * Copies the peer from `source` (read-only) into `cacheRoot`, installs it with `npm ci` and builds
 * its index over the `.txt` files of `corpusDir` — each step only when its inputs changed since the
 * last run (the peer's files; the corpus), so repeated benchmarks do not reinstall it. With `fresh`
 * the index is built again whatever the cache holds, so its build time is measured now.
 *
 * @example
 *   const peer = await preparePeer("../shared/peer", "corpus", "node_modules/.cache/regions-qa-bench", log);
 *   // node serve.mjs <port> 127.0.0.1 in peer.dir
 */
export async function preparePeer(
  source: string,
  corpusDir: string,
  cacheRoot: string,
  log: (m: string) => void,
  fresh = false,
): Promise<PreparedPeer> {
  const names = (await readdir(source)).filter((n) => PEER_FILES.test(n));
  const dir = join(cacheRoot, `peer-${await hashFiles(source, names)}`);
  if (!existsSync(join(dir, ".installed"))) {
    log(`bench: installing the peer in ${dir} (npm ci; once per version of the peer)…`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const name of names) await cp(join(source, name), join(dir, name));
    await run("npm", ["ci", "--no-audit", "--no-fund"], dir);
    await writeFile(join(dir, ".installed"), new Date().toISOString());
  }
  const texts = (await readdir(corpusDir)).filter((n) => n.endsWith(".txt"));
  const corpus = await hashFiles(corpusDir, texts);
  const record = join(dir, "built.json");
  const built = existsSync(record)
    ? (JSON.parse(await readFile(record, "utf8")) as PreparedPeer & { corpus: string })
    : null;
  if (!fresh && built?.corpus === corpus && existsSync(join(dir, "index")))
    return { ...built, dir };
  log("bench: building the peer's index…");
  const t0 = performance.now();
  const out = await run(process.execPath, ["build.mjs", corpusDir], dir);
  const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const chunks = Number(/(\d+) chunks/u.exec(out)?.[1] ?? NaN);
  const peer = {
    dir,
    buildSeconds,
    buildMeasuredAt: new Date().toISOString(),
    chunks: Number.isFinite(chunks) ? chunks : null,
  };
  await writeFile(record, JSON.stringify({ ...peer, corpus }, null, 2));
  return peer;
}
