import type { Socket } from "node:net";
import { Hono } from "hono";
import { securityHeaders } from "../middleware/secure-headers.js";

/** Status and title of an error Node's HTTP parser raises before the app sees a request. */
export function clientErrorStatus(code: string | undefined): { status: number; title: string } {
  if (code === "HPE_HEADER_OVERFLOW")
    return { status: 431, title: "Request Header Fields Too Large" };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT" || code === "ERR_HTTP_HEADERS_TIMEOUT")
    return { status: 408, title: "Request Timeout" };
  return { status: 400, title: "Bad Request" };
}

/** What the client is told, by status: fixed words, never the parser's message (it may quote the request). */
const DETAILS: Record<number, string> = {
  400: "The request is not valid HTTP/1.1 (its request line, headers, length or chunked body could not be read).",
  408: "The request did not arrive in time.",
  431: "The request's headers are too large.",
};

/**
 * The security headers every response of the app carries (Hono's secure headers, as the app sets
 * them), computed once, for the answers Node-level errors get without the app.
 *
 * @example
 *   const headers = await appSecurityHeaders(); // [["x-content-type-options", "nosniff"], …]
 */
export async function appSecurityHeaders(): Promise<Array<[string, string]>> {
  const probe = new Hono();
  probe.use("*", securityHeaders());
  probe.get("/", (c) => c.body(null, 204));
  return [...(await probe.request("/")).headers];
}

/** The problem document of a client error (fixed words: see {@link DETAILS}). */
function problemBody(code: string | undefined): { status: number; title: string; body: string } {
  const { status, title } = clientErrorStatus(code);
  const body = JSON.stringify({
    type: "about:blank",
    title,
    status,
    detail: DETAILS[status] ?? title,
  });
  return { status, title, body };
}

/**
 * The same problem as a `Response`, for requests the HTTP adapter cannot turn into a `Request`.
 *
 * @example
 *   problemResponse(undefined, headers).status // → 400
 */
export function problemResponse(
  code: string | undefined,
  headers: Array<[string, string]>,
): Response {
  const { status, body } = problemBody(code);
  return new Response(body, {
    status,
    headers: [...headers, ["content-type", "application/problem+json; charset=utf-8"]],
  });
}

/**
 * The raw HTTP/1.1 response for a parser error: problem+json with the security headers, and
 * `Connection: close` (the connection's framing can no longer be trusted).
 *
 * @example
 *   rawProblem("HPE_HEADER_OVERFLOW", headers) // → "HTTP/1.1 431 Request Header Fields Too Large\r\n…"
 */
export function rawProblem(code: string | undefined, headers: Array<[string, string]>): string {
  const { status, title, body } = problemBody(code);
  const lines = [
    `HTTP/1.1 ${status} ${title}`,
    "Content-Type: application/problem+json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    ...headers.map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/**
 * A `clientError` handler: answers what Node's parser refuses (400), header sections that are too
 * large (431) and clients too slow to send a request (408) with {@link rawProblem}, then closes the
 * connection. When a response is already under way on the socket, or the socket is gone, it only
 * closes. Nothing is logged: these are the client's errors.
 *
 * @example
 *   server.on("clientError", onClientError(await appSecurityHeaders()));
 */
export function onClientError(headers: Array<[string, string]>) {
  return (err: NodeJS.ErrnoException, socket: Socket): void => {
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === "ECONNRESET" || !socket.writable || busy?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawProblem(err.code, headers));
  };
}
