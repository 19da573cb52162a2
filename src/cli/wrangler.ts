import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { WRANGLER_OFFLINE_ENV } from "./wrangler-env.js";

/**
 * `npm run worker -- <wrangler command>`: the project's wrangler with nothing reaching for the
 * network on its own (see `WRANGLER_OFFLINE_ENV`).
 *
 * @example
 *   npm run worker -- dev --port 8799       # the Worker locally, in workerd, on the built data
 *   npm run worker -- deploy --dry-run --outdir dist
 */
const pkg = createRequire(import.meta.url).resolve("wrangler/package.json");
const child = spawn(
  process.execPath,
  [join(dirname(pkg), "bin", "wrangler.js"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, ...WRANGLER_OFFLINE_ENV },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
