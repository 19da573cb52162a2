import { parseConfig } from "../config.js";
import { log } from "./log.js";
import { startServer } from "./server.js";

/**
 * `npm start`: listens at once (`/healthz` answers, `/api/*` is 503 with progress), builds the index
 * in a child process if it is missing or stale, then loads and serves it. A new index from
 * `npm run index`, an edited `catalog.json` or a SIGHUP makes it load the index again beside the
 * served one and swap.
 */
async function main(): Promise<void> {
  const server = await startServer(parseConfig(process.env), { log });
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("SIGHUP", () => {
    log("server: SIGHUP — loading the index and catalog again.");
    void server.reload("SIGHUP", { force: true });
  });
}

main().catch((e: unknown) => {
  log(`server: failed — ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
