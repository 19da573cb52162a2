import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { WRANGLER_OFFLINE_ENV } from "./src/cli/wrangler-env.js";

// Nothing may reach for the network: no request.cf lookup, no usage metrics, no update check.
Object.assign(process.env, WRANGLER_OFFLINE_ENV);

/** Sites of the workerd suite (the `SITES` variable): one course site with its own origin. */
export const TEST_SITES = {
  sites: [{ key: "workerd-course", origins: ["https://lms.workerd.example"] }],
};

/**
 * The Worker suite: `src/worker.ts` runs inside workerd with the bindings of wrangler.toml and the
 * data `npm run build:worker` wrote (the global setup of vitest.config.ts builds it). The rate
 * limiters are lowered so a test can reach them, and a site is configured.
 */
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: { SITES: JSON.stringify(TEST_SITES), LOG_LEVEL: "silent" },
        ratelimits: {
          ADDRESS_LIMITER: { simple: { limit: 5, period: 60 } },
          SITE_LIMITER: { simple: { limit: 8, period: 60 } },
        },
      },
    }),
  ],
  test: {
    name: "workerd",
    include: ["tests/**/*.workerd.test.ts"],
    testTimeout: 30_000,
  },
});
