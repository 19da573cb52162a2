import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/http/app.js";
import { listenHttp, type HttpListener } from "../../src/http/node/listen.js";
import { readyState } from "../fixtures/service.js";
import { rawExchange, type RawReply } from "../fixtures/raw-http.js";

// The app over the fixture index behind Node's real HTTP parser, as `npm start` serves it.
let http: HttpListener;
beforeAll(async () => {
  const state = await readyState();
  const app = createApp({ state: () => state, status: () => "ready" });
  http = await listenHttp(app.fetch, {
    host: "127.0.0.1",
    port: 0,
    headersTimeoutMs: 400,
    requestTimeoutMs: 1000,
    checkIntervalMs: 100,
  });
}, 120_000);
afterAll(async () => {
  await http?.drain(0);
});

function expectProblem(r: RawReply, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/u);
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
  expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(r.headers["connection"]).toBe("close");
  expect(JSON.parse(r.body)).toMatchObject({ status });
  expect(r.closed).toBe(true);
}

const ask = JSON.stringify({ question: "When did Hsinchu Science Park open?" });

describe("errors Node's HTTP parser raises", () => {
  it.each([
    ["a request line that is not HTTP", ["GARBAGE\r\n\r\n"], 400],
    [
      "a Content-Length that is not a number",
      ["POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"],
      400,
    ],
    [
      "two different Content-Lengths",
      ["POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"],
      400,
    ],
    ["a NUL in a header", ["GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"], 400],
    [
      "a 20 KB header",
      [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`],
      431,
    ],
    [
      "both Content-Length and chunked",
      [
        "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      ],
      400,
    ],
  ])("answers %s as problem+json with the security headers", async (_name, parts, status) => {
    expectProblem(await rawExchange(http.port, parts as string[]), status);
  });

  it("answers a malformed chunked body as a 400 without logging a stack", async () => {
    const errors = vi.spyOn(console, "error");
    const r = await rawExchange(http.port, [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      '5\r\n{"que\r\nZZ\r\nbad\r\n0\r\n\r\n',
    ]);
    expectProblem(r, 400);
    await new Promise((res) => setTimeout(res, 100));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("answers a client too slow to send its headers with 408", async () => {
    const r = await rawExchange(http.port, ["GET /healthz HTTP/1.1\r\nHost: x\r\n"], {
      waitMs: 5000,
    });
    expectProblem(r, 408);
  });
});

describe("connections", () => {
  it("closes the connection after /api/ask/stream when the client asks for Connection: close", async () => {
    const r = await rawExchange(http.port, [
      "POST /api/ask/stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `Connection: close\r\nContent-Length: ${Buffer.byteLength(ask)}\r\n\r\n${ask}`,
    ]);
    expect(r.status).toBe(200);
    expect(r.headers["connection"]).toBe("close");
    expect(r.body).toContain("event: done");
    expect(r.closed).toBe(true);
  });

  it("keeps a keep-alive connection usable after a stream", async () => {
    const req =
      "POST /api/ask/stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(ask)}\r\n\r\n${ask}`;
    const r = await rawExchange(
      http.port,
      [req, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"],
      { pauseMs: 1500 },
    );
    expect(r.status).toBe(200);
    expect(r.text.match(/HTTP\/1\.1 200 OK/gu)).toHaveLength(2);
    expect(r.text).toContain('"status":"ok"');
  });
});

describe("drain", () => {
  /** A listener whose `/slow` answers when `release` is called; `/hang` never answers. */
  async function gated() {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const server = await listenHttp(
      async (req) => {
        const path = new URL(req.url).pathname;
        if (path === "/slow") await gate;
        if (path === "/hang") await new Promise(() => {});
        return new Response("done");
      },
      { host: "127.0.0.1", port: 0 },
    );
    return { server, release };
  }

  it("finishes requests in flight with Connection: close, refuses new connections, closes idle and half-sent ones", async () => {
    const { server, release } = await gated();
    const base = `http://127.0.0.1:${server.port}`;
    const slow = [1, 2, 3].map(() =>
      rawExchange(server.port, ["GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"], { waitMs: 5000 }),
    );
    const halfSent = rawExchange(server.port, ["GET /fast HTTP/1.1\r\nHost: x\r\n"], {
      waitMs: 5000,
    });
    const idle = rawExchange(server.port, ["GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"], {
      waitMs: 5000,
    });
    while (server.inFlight() < 3) await new Promise((r) => setTimeout(r, 10));

    const drained = server.drain(5000);
    const refused = await fetch(`${base}/fast`).then(
      () => "answered",
      (e: Error & { cause?: { code?: string } }) => e.cause?.code,
    );
    expect(refused).toBe("ECONNREFUSED");
    release();
    for (const r of await Promise.all(slow)) {
      expect(r.status).toBe(200);
      expect(r.headers["connection"]).toBe("close");
      expect(r.closed).toBe(true);
    }
    expect(await drained).toEqual({ finished: true, abandoned: 0 });
    expect((await halfSent).closed).toBe(true);
    const kept = await idle;
    expect(kept.status).toBe(200);
    expect(kept.closed).toBe(true);
  });

  it("closes what is still running when the grace period is over", async () => {
    const { server } = await gated();
    const hung = rawExchange(server.port, ["GET /hang HTTP/1.1\r\nHost: x\r\n\r\n"], {
      waitMs: 5000,
    });
    while (server.inFlight() < 1) await new Promise((r) => setTimeout(r, 10));
    expect(await server.drain(200)).toEqual({ finished: false, abandoned: 1 });
    expect((await hung).closed).toBe(true);
  });

  it("lets a connection that never sends anything go at once", async () => {
    const { server } = await gated();
    const socket = connect(server.port, "127.0.0.1");
    await new Promise((r) => socket.on("connect", r));
    const closed = new Promise((r) => socket.on("close", r));
    expect(await server.drain(5000)).toEqual({ finished: true, abandoned: 0 });
    await closed;
  });
});
