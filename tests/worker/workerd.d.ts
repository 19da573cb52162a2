// The part of workerd's built-in module that the workerd suite uses (vitest-pool-workers provides it).
declare module "cloudflare:workers" {
  import type { WorkerEnv } from "../../src/worker/env.js";
  /** The bindings of wrangler.toml, with the suite's overrides. */
  export const env: WorkerEnv;
  /** The exports of `main` (src/worker.ts), running in the same isolate as the tests. */
  export const exports: { default: { fetch(request: Request): Promise<Response> } };
}
