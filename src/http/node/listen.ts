import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { appSecurityHeaders, onClientError, problemResponse } from "./client-error.js";

export interface ListenOptions {
  host: string;
  port: number;
  /** Time a client has to send its request's headers (408 after). */
  headersTimeoutMs?: number;
  /** Time a client has to send its whole request (408 after). */
  requestTimeoutMs?: number;
  /** How often those times are checked (Node's default, 30 s, lets a slow client linger). */
  checkIntervalMs?: number;
}

/** A listening HTTP server that can drain. */
export interface HttpListener {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  /** Requests whose responses have not finished. */
  inFlight(): number;
  /** Whether `drain` has begun. */
  draining(): boolean;
  /**
   * Stops accepting connections; every response from now on carries `Connection: close` (the
   * connection closes after it); resolves once the requests in flight have finished — then idle
   * and half-sent connections are closed — or when `graceMs` has passed, closing what is left.
   */
  drain(graceMs: number): Promise<{ finished: boolean; abandoned: number }>;
}

type Fetch = Parameters<typeof getRequestListener>[0];

/**
 * Serves `fetch` (a Hono app's) on `host:port` with Node's HTTP server: parser errors and slow
 * clients answered as problem+json with the app's security headers, bounded header and request
 * times, and a drain for graceful shutdown. Resolves once listening.
 *
 * @example
 *   const http = await listenHttp(app.fetch, { host: "127.0.0.1", port: 8787 });
 *   process.on("SIGTERM", () => void http.drain(10_000).then(() => process.exit(0)));
 */
export async function listenHttp(fetch: Fetch, opts: ListenOptions): Promise<HttpListener> {
  const headers = await appSecurityHeaders();
  // A request the adapter cannot turn into a `Request` (e.g. an unparsable Host) is the client's error.
  const handle = getRequestListener(fetch, {
    errorHandler: () => problemResponse(undefined, headers),
  });
  const open = new Set<ServerResponse>();
  let isDraining = false;
  let settleDrain: (() => void) | null = null;
  const server = createServer(
    {
      headersTimeout: opts.headersTimeoutMs ?? 10_000,
      requestTimeout: opts.requestTimeoutMs ?? 30_000,
      connectionsCheckingInterval: opts.checkIntervalMs ?? 1000,
      // Node answers a request without Host with a bare 400; the app answers it as problem+json.
      requireHostHeader: false,
    },
    (req, res) => {
      open.add(res);
      if (isDraining) res.setHeader("connection", "close");
      res.on("close", () => {
        open.delete(res);
        if (isDraining && !open.size) settleDrain?.();
      });
      void handle(req, res);
    },
  );
  server.on("clientError", onClientError(headers));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${port}`;
  return {
    server,
    url,
    port,
    inFlight: () => open.size,
    draining: () => isDraining,
    async drain(graceMs) {
      isDraining = true;
      for (const res of open)
        if (!res.headersSent) res.setHeader("connection", "close");
        // A response already streaming cannot change its headers: it closes once it ends.
        else res.shouldKeepAlive = false;
      server.close();
      server.closeIdleConnections();
      const finished = await new Promise<boolean>((resolve) => {
        if (!open.size) return resolve(true);
        const timer = setTimeout(() => resolve(false), graceMs);
        settleDrain = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      const abandoned = open.size;
      // Idle keep-alive connections, clients that never finished their headers, and (after the
      // grace period) whatever is still running.
      server.closeAllConnections();
      return { finished, abandoned };
    },
  };
}
