import { defineConfig } from "vitest/config";

/**
 * `npm test`: the Node suite, and the Worker suite inside workerd (vitest.workers.config.ts). The
 * global setup builds the Worker's data from the repository's index (building that first when it is
 * missing or stale), which the workerd suite and the bundle check read.
 */
export default defineConfig({
  test: {
    globalSetup: ["tests/worker/built-data.ts"],
    projects: [
      {
        test: {
          name: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.workerd.test.ts", "**/node_modules/**"],
        },
      },
      "./vitest.workers.config.ts",
    ],
  },
});
