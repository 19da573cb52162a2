import { spawn } from "node:child_process";
import { buildWorkerData, WORKER_DATA_DIR } from "../../src/cli/worker-data.js";
import { staleReason } from "../../src/store/build.js";
import { REPO } from "../fixtures/processes.js";

const CORPUS_DIR = "corpus";
const INDEX_DIR = "index/current";

/** Runs `npm run index` as its own process (offline USE-lite unless EMBEDDER says otherwise). */
function buildIndex(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts"], {
    cwd: REPO,
    env: { EMBEDDER: "use-lite", ...process.env, CORPUS_DIR, INDEX_DIR },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run index failed (${code}):\n${log}`)),
    ),
  );
}

/**
 * Global setup of the test run: the Worker's data (`npm run build:worker`) from the repository's
 * own index, built first when it is missing or stale (a fresh clone: about a minute), so the workerd
 * suite and the bundle check run on the real built assets.
 */
export default async function setup(): Promise<void> {
  process.chdir(REPO);
  const reason = await staleReason(CORPUS_DIR, INDEX_DIR, null, true);
  if (reason) {
    process.stderr.write(`worker tests: building ${INDEX_DIR} (${reason})…\n`);
    await buildIndex();
  }
  await buildWorkerData({ indexDir: INDEX_DIR, corpusDir: CORPUS_DIR, outDir: WORKER_DATA_DIR });
}
