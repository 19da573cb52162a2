import { parseConfig } from "../config.js";
import { log } from "./log.js";
import { startServer } from "./server.js";

/** Exit status after a second signal: 128 + the signal's number, as a shell reports it. */
const KILLED: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * `npm start`: listens at once (`/healthz` answers, `/api/*` is 503 with progress), builds the index
 * in a child process if it is missing or stale, then has its answering workers load and serve it.
 * A new index from `npm run index`, an edited `catalog.json` or a SIGHUP makes it load the index
 * again beside the served one and swap. SIGTERM or SIGINT drains: no new connections, requests in
 * flight answered (with `Connection: close`) for up to SHUTDOWN_GRACE_SECONDS, then exit 0; a
 * second signal exits at once. `npm start` runs this file with `node` itself, so the signal reaches
 * this process.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const server = await startServer(config, { log });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`server: ${signal} again — exiting now.`);
      process.exit(KILLED[signal] ?? 1);
    }
    stopping = true;
    log(
      `server: ${signal} — accepting no more connections; finishing ${server.inFlight()} ` +
        `request(s) in flight (up to ${config.SHUTDOWN_GRACE_SECONDS} s). Send it again to exit now.`,
    );
    void server.shutdown().then(({ finished, abandoned }) => {
      log(
        finished
          ? "server: every request in flight was answered; exiting."
          : `server: grace period over; ${abandoned} request(s) closed unanswered; exiting.`,
      );
      process.exit(0);
    });
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
